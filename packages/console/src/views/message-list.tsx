/** The message log: stored messages by seq, then this agent's replies still on their way. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '@candor/protocol';
import type { OutboxEntry } from '../live/outbox';
import { MessageBody } from './message-body';
import { UserText } from './user-text';

interface Props {
  messages: readonly Message[];
  pending: readonly OutboxEntry[];
  loading: boolean;
  myName: string;
  onRetry: (clientKey: string) => void;
  onDiscard: (clientKey: string) => void;
}

/** Within this distance of the bottom, new messages keep the view pinned to the latest. */
const STICK_PX = 48;

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function MessageList({ messages, pending, loading, myName, onRetry, onDiscard }: Props) {
  const log = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const sentCount = useRef(pending.length);

  // Follow new messages only if the agent was already at the bottom; never yank them out of the past,
  // except right after they send, when they expect to see their reply.
  useLayoutEffect(() => {
    const el = log.current;
    const justSent = pending.length > sentCount.current;
    sentCount.current = pending.length;
    if (el && (stick.current || justSent)) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);

  const onScroll = () => {
    const el = log.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    <div
      class="messages"
      role="log"
      aria-live="polite"
      aria-label="Messages"
      tabIndex={0}
      ref={log}
      onScroll={onScroll}
    >
      {loading && messages.length === 0 && <p class="quiet">Loading messages…</p>}
      {!loading && messages.length === 0 && pending.length === 0 && <p class="quiet">No messages yet.</p>}
      {messages.map((m) => (
        <div
          key={m.seq}
          class={`message from-${m.author.type}`}
          data-testid="message"
          data-seq={m.seq}
          data-author-type={m.author.type}
        >
          {m.author.type !== 'system' && (
            <span class="author">
              <UserText text={m.author.name || 'Visitor'} />
            </span>
          )}
          <MessageBody text={m.body} />
          <time dateTime={new Date(m.createdAt).toISOString()}>{clock(m.createdAt)}</time>
        </div>
      ))}
      {pending.map((e) => (
        <div
          key={e.clientKey}
          class={`message from-agent ${e.state}`}
          data-testid="outbox-message"
          data-state={e.state}
        >
          <span class="author">
            <UserText text={myName} />
          </span>
          <MessageBody text={e.body} />
          {e.state === 'sending' ? (
            <span class="delivery">Sending…</span>
          ) : (
            <span class="delivery" role="alert">
              Not sent: {e.error}{' '}
              <button
                type="button"
                class="link"
                data-testid="reply-retry"
                onClick={() => onRetry(e.clientKey)}
              >
                Retry
              </button>{' '}
              <button type="button" class="link" onClick={() => onDiscard(e.clientKey)}>
                Discard
              </button>
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
