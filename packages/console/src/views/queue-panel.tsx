/**
 * The waiting queue of every inbox the agent answers in, each in order, with a button to take one
 * (within capacity). One inbox: one "Queue"; several: one per inbox, by name.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InboxQueueView } from '@candor/protocol';
import { visibleControls } from '@candor/protocol';
import { navigate } from '../route';
import { routingApi } from '../routing-api';
import { priorityLabel } from '../conversation-text';
import { say } from '../console-text';
import { requestErrorText } from './admin-errors';
import { sayInbox } from '../inbox-text';

interface Props {
  /** Changes whenever the inbox does (conversation.updated): the queues are read again. */
  version: unknown;
}

export function QueuePanel({ version }: Props) {
  const [queues, setQueues] = useState<InboxQueueView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    routingApi.queues().then(
      ({ queues }) => setQueues(queues),
      (err) => setError(requestErrorText(err)),
    );
  }, [version]);

  const take = async (conversationId: string) => {
    setError(null);
    try {
      await routingApi.take(conversationId);
      navigate({ page: 'inbox', conversationId });
    } catch (err) {
      setError(requestErrorText(err));
    }
  };

  if (!queues) return null;
  const several = queues.length > 1;
  return (
    <>
      {error && (
        <p role="alert" class="hint">
          {error}
        </p>
      )}
      {queues.map((queue) => (
        <InboxQueue key={queue.inboxId} queue={queue} named={several} onTake={(id) => void take(id)} />
      ))}
    </>
  );
}

function InboxQueue(props: { queue: InboxQueueView; named: boolean; onTake: (id: string) => void }) {
  const { queue, named } = props;
  const titleId = `queue-title-${queue.inboxId}`;
  const inbox = visibleControls(queue.inboxName);
  return (
    <section class="queue-panel" aria-labelledby={titleId} data-testid="queue" data-inbox-id={queue.inboxId}>
      <h2 id={titleId}>
        {named ? say('queueOf', { inbox }) : say('queue')}{' '}
        <span data-testid="queue-count">({queue.entries.length})</span>
      </h2>
      {queue.wait && (
        <p class="hint">
          {sayInbox('typicalWait', { min: queue.wait.minMinutes, max: queue.wait.maxMinutes })}
        </p>
      )}
      <ol>
        {queue.entries.slice(0, 20).map((e) => (
          <li data-testid="queue-entry" key={e.conversationId}>
            {priorityLabel(e.priority)}{' '}
            <button
              type="button"
              aria-label={
                named
                  ? say('takeWaiting', { position: e.position, inbox })
                  : say('takeWaitingOne', { position: e.position })
              }
              onClick={() => props.onTake(e.conversationId)}
            >
              {sayInbox('take')}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
