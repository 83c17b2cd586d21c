/**
 * The development outbox: with no SMTP server configured, emails to visitors (replies, transcripts) are
 * kept by the server and listed here for admins, newest first. Shown as plain text: the HTML part is
 * never rendered in the console.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OutboxResponse } from '@candor/protocol';
import { api } from '../api';
import { say } from '../console-text';
import { isSignedOut, requestErrorText } from './admin-errors';

export function OutboxSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [outbox, setOutbox] = useState<OutboxResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    api.listOutbox().then(
      (o) => {
        setOutbox(o);
        setError(null);
      },
      (err) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err))),
    );
  useEffect(() => void load(), []); // onSignedOut is a new closure each render and must not trigger a refetch

  return (
    <section class="admin-section" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title">{say('outbox')}</h2>
      <p class="hint">{outbox && !outbox.enabled ? say('outboxSmtp') : say('outboxHint')}</p>
      <button type="button" onClick={() => void load()}>
        {say('outboxRefresh')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!outbox && !error && <p class="quiet">{say('outboxLoading')}</p>}
      {outbox?.mails.length === 0 && <p class="quiet">{say('outboxEmpty')}</p>}
      {outbox?.mails.map((m) => (
        <details key={m.id} class="outbox-mail">
          <summary>
            {m.subject} — {say('outboxTo', { to: m.to })} — {new Date(m.createdAt).toLocaleString()}
          </summary>
          <pre>{m.text}</pre>
        </details>
      ))}
    </section>
  );
}
