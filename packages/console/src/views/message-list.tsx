/**
 * The message log: stored messages by seq, with agents' private notes and activity lines placed among
 * them by time, then this agent's replies still on their way.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Message } from '@candor/protocol';
import type { OutboxEntry } from '../live/outbox';
import { describeActivity, interleave, noExtras } from '../live/agent-extras';
import type { AgentExtras } from '../live/agent-extras';
import { MessageBody } from './message-body';
import { UserText } from './user-text';
import { say } from '../console-text';
import { sayRecovery } from '../recovery/recovery-text';
import { sayConversation } from '../conversation-text';

interface Props {
  messages: readonly Message[];
  pending: readonly OutboxEntry[];
  loading: boolean;
  myName: string;
  onRetry: (clientKey: string) => void;
  onDiscard: (clientKey: string) => void;
  /** Sends a held reply after its warning; absent in a recovery conversation (never offered there). */
  onSendAnyway?: (clientKey: string) => void;
  /** Notes and the activity trail: agents' own. */
  extras?: AgentExtras;
  meId?: string;
}

/** Within this distance of the bottom, new messages keep the view pinned to the latest. */
const STICK_PX = 48;

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function MessageList(props: Props) {
  const { messages, pending, loading, myName, onRetry, onDiscard } = props;
  const extras = props.extras ?? noExtras;
  const extraCount = extras.notes.length + extras.activity.length;
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
  }, [messages.length, pending.length, extraCount]);

  const onScroll = () => {
    const el = log.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  return (
    <div
      class="messages"
      role="log"
      aria-live="polite"
      aria-label={sayConversation('messages')}
      tabIndex={0}
      ref={log}
      onScroll={onScroll}
    >
      {loading && messages.length === 0 && <p class="quiet">{sayConversation('loadingMessages')}</p>}
      {!loading && messages.length === 0 && pending.length === 0 && (
        <p class="quiet">{sayConversation('noMessages')}</p>
      )}
      {interleave(messages, extras).map((item) => {
        if (item.kind === 'note') {
          const n = item.note;
          return (
            <div
              key={item.key}
              class="message note"
              data-testid="note"
              role="note"
              aria-label={sayConversation('privateNote')}
            >
              <span class="author">
                <UserText text={n.author.name} />
                {sayConversation('privateNoteBy')}
              </span>
              <MessageBody text={n.body} />
              <time dateTime={new Date(n.createdAt).toISOString()}>{clock(n.createdAt)}</time>
            </div>
          );
        }
        if (item.kind === 'activity') {
          const a = item.activity;
          return (
            <p key={item.key} class="activity" data-testid="activity" data-kind={a.kind}>
              <UserText text={describeActivity(a, props.meId ?? '')} />{' '}
              <time dateTime={new Date(a.createdAt).toISOString()}>{clock(a.createdAt)}</time>
            </p>
          );
        }
        const m = item.message;
        return (
          <div
            key={item.key}
            class={`message from-${m.author.type}`}
            data-testid="message"
            data-seq={m.seq}
            data-author-type={m.author.type}
          >
            {m.author.type === 'bot' ? (
              <span class="author bot-mark" data-testid="bot-mark">
                {say('botMark')}
                {m.confidence !== undefined && m.articles?.length
                  ? ` · ${say('botConfidence', { percent: Math.round(m.confidence * 100) })}`
                  : ''}
                {m.botActive === false ? ` · ${say('botHandedOver')}` : ''}
              </span>
            ) : (
              m.author.type !== 'system' && (
                <span class="author">
                  <UserText text={m.author.name || sayConversation('visitor')} />
                </span>
              )
            )}
            <MessageBody text={m.body} />
            {m.author.type === 'bot' && m.articles && m.articles.length > 0 && (
              <div class="bot-articles" data-testid="bot-articles">
                <ul aria-label={say('botOffered')}>
                  {m.articles
                    .filter((a) => a.url.startsWith('/help/'))
                    .map((a) => (
                      <li key={a.id}>
                        <a href={a.url} target="_blank" rel="noopener noreferrer">
                          <UserText text={a.title} />
                        </a>
                      </li>
                    ))}
                </ul>
              </div>
            )}
            <time dateTime={new Date(m.createdAt).toISOString()}>{clock(m.createdAt)}</time>
          </div>
        );
      })}
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
            <span class="delivery">{sayConversation('sending')}</span>
          ) : e.held ? (
            <HeldWarning entry={e} onSendAnyway={props.onSendAnyway} onDiscard={onDiscard} />
          ) : (
            <span class="delivery" role="alert">
              {sayConversation('notSent', { error: e.error ?? '' })}{' '}
              <button
                type="button"
                class="link"
                data-testid="reply-retry"
                onClick={() => onRetry(e.clientKey)}
              >
                {sayConversation('retry')}
              </button>{' '}
              <button type="button" class="link" onClick={() => onDiscard(e.clientKey)}>
                {sayConversation('discard')}
              </button>
            </span>
          )}
        </div>
      ))}
    </div>
  );
}

/** A reply the server held back: its warning, "Send anyway" where allowed, and Discard. */
function HeldWarning(props: {
  entry: OutboxEntry;
  onSendAnyway: ((clientKey: string) => void) | undefined;
  onDiscard: (clientKey: string) => void;
}) {
  const { entry, onSendAnyway, onDiscard } = props;
  return (
    <span class="delivery held" role="alert" data-testid="held-warning">
      <strong>{sayRecovery('heldTitle')}</strong> {entry.error}{' '}
      {onSendAnyway && <span>{sayRecovery('heldAdvice')} </span>}
      {onSendAnyway ? (
        <button
          type="button"
          class="link"
          data-testid="send-anyway"
          onClick={() => onSendAnyway(entry.clientKey)}
        >
          {sayRecovery('sendAnyway')}
        </button>
      ) : (
        <span data-testid="held-in-recovery">{sayRecovery('heldInRecovery')}</span>
      )}{' '}
      <button type="button" class="link" onClick={() => onDiscard(entry.clientKey)}>
        {sayRecovery('discard')}
      </button>
    </span>
  );
}
