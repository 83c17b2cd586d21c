/** Per inbox: whether the bot answers new conversations first (issue 13), saved as soon as it is switched. */
import { useEffect, useState } from 'preact/hooks';
import type { Inbox } from '@candor/protocol';
import { visibleControls } from '@candor/protocol';
import { api } from '../api';
import { say } from '../console-text';
import { isSignedOut, requestErrorText } from './admin-errors';

export function BotSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [inboxes, setInboxes] = useState<Inbox[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [status, setStatus] = useState<{ inboxId: string; text: string; failed: boolean } | null>(null);

  useEffect(() => {
    api.listInboxes().then(
      ({ inboxes }) => setInboxes(inboxes),
      (err) => (isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err))),
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const toggle = async (inbox: Inbox, enabled: boolean) => {
    setSaving(inbox.id);
    setStatus(null);
    try {
      const saved = (await api.updateInbox(inbox.id, { bot: { enabled } })).inbox;
      setInboxes((list) => list?.map((i) => (i.id === saved.id ? saved : i)) ?? null);
      setStatus({ inboxId: inbox.id, text: say('botSaved'), failed: false });
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setStatus({
        inboxId: inbox.id,
        text: say('botNotSaved', { reason: requestErrorText(err) }),
        failed: true,
      });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="bot-title">
      <h2 id="bot-title">{say('botTitle')}</h2>
      <p class="hint">{say('botHint')}</p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {inboxes?.map((inbox) => (
        <p key={inbox.id} data-testid="bot-setting" data-inbox-id={inbox.id}>
          <label>
            <input
              type="checkbox"
              data-testid="bot-enabled"
              checked={inbox.bot?.enabled ?? false}
              disabled={saving === inbox.id}
              aria-label={
                inboxes.length > 1 ? say('botToggleIn', { inbox: visibleControls(inbox.name) }) : undefined
              }
              onChange={(e) => void toggle(inbox, e.currentTarget.checked)}
            />{' '}
            {say('botToggle')}
          </label>{' '}
          {status?.inboxId === inbox.id && (
            <span role="status" class={status.failed ? 'error' : 'quiet'}>
              {status.text}
            </span>
          )}
        </p>
      ))}
    </section>
  );
}
