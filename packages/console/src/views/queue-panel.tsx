/** The waiting queue of the agent's inbox, in order, with a button to take one (within capacity). */
import { useEffect, useState } from 'preact/hooks';
import type { QueueView } from '@candor/protocol';
import { navigate } from '../route';
import { PRIORITY_LABELS, routingApi } from '../routing-api';
import { requestErrorText } from './admin-errors';

interface Props {
  inboxId: string;
  /** Changes whenever the inbox does (conversation.updated): the queue is read again. */
  version: unknown;
}

export function QueuePanel({ inboxId, version }: Props) {
  const [queue, setQueue] = useState<QueueView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    routingApi.queue(inboxId).then(
      ({ queue }) => setQueue(queue),
      (err) => setError(requestErrorText(err)),
    );
  }, [inboxId, version]);

  const take = async (conversationId: string) => {
    setError(null);
    try {
      await routingApi.take(conversationId);
      navigate({ page: 'inbox', conversationId });
    } catch (err) {
      setError(requestErrorText(err));
    }
  };

  if (!queue) return null;
  return (
    <section class="queue-panel" aria-labelledby="queue-title">
      <h2 id="queue-title">
        Queue <span data-testid="queue-count">({queue.entries.length})</span>
      </h2>
      {queue.wait && (
        <p class="hint">
          Typical wait: {queue.wait.minMinutes}–{queue.wait.maxMinutes} min
        </p>
      )}
      {error && (
        <p role="alert" class="hint">
          {error}
        </p>
      )}
      <ol>
        {queue.entries.slice(0, 20).map((e) => (
          <li data-testid="queue-entry">
            {PRIORITY_LABELS[e.priority]}{' '}
            <button
              type="button"
              aria-label={`Take waiting conversation ${e.position}`}
              onClick={() => void take(e.conversationId)}
            >
              Take
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
