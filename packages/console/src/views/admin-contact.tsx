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
      <h2 id="contact-settings-title">Contacts and signed identity</h2>
      <p class="hint">
        The pre-chat form asks visitors for a name and email before their first message. Signed identity lets
        your site vouch for its logged-in users with a short-lived token (HS256, signed with the secret below,
        exp at most 10 minutes ahead), passed as <code>data-identity-token</code> or{' '}
        <code>Candor.identify(token)</code>.
      </p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!inboxes && !loadError && <p class="quiet">Loading inboxes…</p>}
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

  const save = async (change: UpdateInboxBody, done = 'Saved.') => {
    setSaving(true);
    setStatus(null);
    try {
      onSaved((await api.updateInbox(inbox.id, change)).inbox);
      setStatus({ text: done, failed: false });
      return true;
    } catch (err) {
      if (isSignedOut(err)) onSignedOut();
      else setStatus({ text: `Not saved: ${requestErrorText(err)}`, failed: true });
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
        Pre-chat form for {name}
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="prechat-require-email"
          checked={preChat.requireEmail}
          disabled={!preChat.enabled}
          onChange={(e) => void save({ preChatForm: { ...preChat, requireEmail: e.currentTarget.checked } })}
        />{' '}
        Require an email before the first message
      </label>
      <p data-testid="identity-secret-state">
        {identity.secretSet
          ? identity.fromEnvironment
            ? 'Identity secret: set by CANDOR_IDENTITY_SECRET.'
            : 'Identity secret: set in the console.'
          : 'Identity secret: none (signed identity is off).'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save({ identity: { secret } }, 'Secret saved.').then((ok) => ok && setSecret(''));
        }}
      >
        <label>
          New identity secret (32 characters or more){' '}
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
        <button type="submit">Save secret</button>
        {identity.secretSet && !identity.fromEnvironment && (
          <>
            {' '}
            <button
              type="button"
              onClick={() => void save({ identity: { secret: null } }, 'Secret removed.')}
            >
              Remove secret
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
        Only signed-in users of your site may chat (refuses anonymous visitors and typed names or emails)
      </label>
      <span role="status" class={status?.failed ? 'error' : 'quiet'}>
        {saving ? 'Saving…' : (status?.text ?? '')}
      </span>
    </fieldset>
  );
}
