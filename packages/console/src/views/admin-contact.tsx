/**
 * Per inbox: the pre-chat form (ask a name and email before the first message) and signed identity
 * (the secret shared with your site, and whether only signed-in users may chat). The secret is
 * written here and never shown again: the page says only whether one is set, and from where.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Inbox, UpdateInboxBody } from '@candor/protocol';
import { visibleControls } from '@candor/protocol';
import { api } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';
import { sayAdmin } from '../admin-text';

export function ContactSettingsSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [inboxes, setInboxes] = useState<Inbox[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    api.listInboxes().then(
      ({ inboxes }) => setInboxes(inboxes),
      (err) => (isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err))),
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const replace = (inbox: Inbox) =>
    setInboxes((list) => list?.map((i) => (i.id === inbox.id ? inbox : i)) ?? null);

  return (
    <section class="admin-section" aria-labelledby="contact-settings-title">
      <h2 id="contact-settings-title">{sayAdmin('contactTitle')}</h2>
      <p class="hint">
        {sayAdmin('contactHintBefore')}
        <code>data-identity-token</code>
        {sayAdmin('contactHintOr')}
        <code>Candor.identify(token)</code>.
      </p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!inboxes && !loadError && <p class="quiet">{sayAdmin('loadingInboxes')}</p>}
      {inboxes?.map((inbox) => (
        <InboxContactForm key={inbox.id} inbox={inbox} onSaved={replace} onSignedOut={onSignedOut} />
      ))}
    </section>
  );
}

interface FormProps {
  inbox: Inbox;
  onSaved: (inbox: Inbox) => void;
  onSignedOut: () => void;
}

function InboxContactForm({ inbox, onSaved, onSignedOut }: FormProps) {
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [secret, setSecret] = useState('');
  const name = visibleControls(inbox.name);
  const preChat = inbox.preChatForm ?? { enabled: false, requireEmail: false };
  const identity = inbox.identity ?? { secretSet: false, fromEnvironment: false, enforce: false };

  const save = async (change: UpdateInboxBody, done = sayAdmin('saved')) => {
    setSaving(true);
    setStatus(null);
    try {
      onSaved((await api.updateInbox(inbox.id, change)).inbox);
      setStatus({ text: done, failed: false });
      return true;
    } catch (err) {
      if (isSignedOut(err)) onSignedOut();
      else setStatus({ text: sayAdmin('notSaved', { reason: requestErrorText(err) }), failed: true });
      return false;
    } finally {
      setSaving(false);
    }
  };

  return (
    <fieldset
      class="contact-settings"
      data-testid="contact-settings"
      data-inbox-id={inbox.id}
      disabled={saving}
    >
      <legend>
        <UserText text={inbox.name} />
      </legend>
      <label>
        <input
          type="checkbox"
          data-testid="prechat-enabled"
          checked={preChat.enabled}
          onChange={(e) => void save({ preChatForm: { ...preChat, enabled: e.currentTarget.checked } })}
        />{' '}
        {sayAdmin('preChatFor', { inbox: name })}
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="prechat-require-email"
          checked={preChat.requireEmail}
          disabled={!preChat.enabled}
          onChange={(e) => void save({ preChatForm: { ...preChat, requireEmail: e.currentTarget.checked } })}
        />{' '}
        {sayAdmin('requireEmail')}
      </label>
      <p data-testid="identity-secret-state">
        {identity.secretSet
          ? identity.fromEnvironment
            ? sayAdmin('secretFromEnv')
            : sayAdmin('secretInConsole')
          : sayAdmin('secretNone')}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save({ identity: { secret } }, sayAdmin('secretSaved')).then((ok) => ok && setSecret(''));
        }}
      >
        <label>
          {sayAdmin('newSecret')}{' '}
          <input
            type="password"
            autocomplete="off"
            minLength={32}
            maxLength={512}
            required
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
        </label>{' '}
        <button type="submit">{sayAdmin('saveSecret')}</button>
        {identity.secretSet && !identity.fromEnvironment && (
          <>
            {' '}
            <button
              type="button"
              onClick={() => void save({ identity: { secret: null } }, sayAdmin('secretRemoved'))}
            >
              {sayAdmin('removeSecret')}
            </button>
          </>
        )}
      </form>
      <label>
        <input
          type="checkbox"
          data-testid="identity-enforce"
          checked={identity.enforce}
          onChange={(e) => void save({ identity: { enforce: e.currentTarget.checked } })}
        />{' '}
        {sayAdmin('enforce')}
      </label>
      <span role="status" class={status?.failed ? 'error' : 'quiet'}>
        {saving ? sayAdmin('saving') : (status?.text ?? '')}
      </span>
    </fieldset>
  );
}
