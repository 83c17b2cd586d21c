/**
 * The recovery actions: Unlock, Reset second factor, Change contact (with the new contact, the one field
 * an agent types contact details into: it never receives a code). The server decides each request;
 * a refusal for want of a proof says "Verify the customer first". Then each action with its status.
 */
import { useState } from 'preact/hooks';
import type {
  RecoveryAction,
  RecoveryActionView,
  RecoveryCase,
  RequestRecoveryActionBody,
} from '@candor/protocol';
import { ApiError } from '../api';
import { recoveryApi } from '../recovery/recovery-api';
import { sayRecovery } from '../recovery/recovery-text';
import {
  actionName,
  actionPeople,
  actionStatusText,
  needsVerification,
  refusalText,
} from '../recovery/recovery-wording';
import { changeContactBody, type NewContactChannel } from '../recovery/new-contact';
import { isSignedOut, requestErrorText } from './admin-errors';

interface Props {
  conversationId: string;
  found: RecoveryCase;
  now: number;
  onRequested: () => void;
  onSignedOut: () => void;
}

const DIRECT: RecoveryAction[] = ['unlock', 'reset_second_factor'];

export function RecoveryActions({ conversationId, found, now, onRequested, onSignedOut }: Props) {
  const [busy, setBusy] = useState<RecoveryAction | null>(null);
  const [error, setError] = useState<{ text: string; verifyFirst: boolean } | null>(null);
  const [changing, setChanging] = useState(false);

  const ask = async (body: RequestRecoveryActionBody): Promise<boolean> => {
    setBusy(body.action);
    setError(null);
    try {
      const { action } = await recoveryApi.requestAction(conversationId, body);
      // A refusal may come as an action refused (not an error): word it the same way.
      if (needsVerification(action)) setError({ text: sayRecovery('notVerifiedError'), verifyFirst: true });
      onRequested();
      return true;
    } catch (err) {
      if (isSignedOut(err)) {
        onSignedOut();
        return false;
      }
      const code = err instanceof ApiError ? err.code : 'internal';
      const refusal = refusalText(code);
      setError({ text: refusal ?? requestErrorText(err), verifyFirst: refusal !== null });
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <h3>{sayRecovery('actionsTitle')}</h3>
      <div class="recovery-action-buttons">
        {DIRECT.map((action) => (
          <button
            key={action}
            type="button"
            data-testid={`recovery-action-${action}`}
            disabled={busy !== null}
            onClick={() => void ask({ action })}
          >
            {busy === action ? sayRecovery('asking') : actionName(action)}
          </button>
        ))}
        <button
          type="button"
          data-testid="recovery-action-change_contact"
          aria-expanded={changing}
          aria-controls="new-contact-form"
          disabled={busy !== null}
          onClick={() => setChanging(!changing)}
        >
          {actionName('change_contact')}
        </button>
      </div>
      {changing && (
        <NewContactForm
          busy={busy === 'change_contact'}
          onSubmit={async (body) => (await ask(body)) && setChanging(false)}
        />
      )}
      {error && (
        <p
          class={error.verifyFirst ? 'recovery-verify-first' : 'error'}
          role="alert"
          data-testid="recovery-action-error"
        >
          {error.text}
        </p>
      )}
      {found.actions.length === 0 ? (
        <p class="hint">{sayRecovery('noActions')}</p>
      ) : (
        <ul class="recovery-actions" data-testid="recovery-actions">
          {[...found.actions]
            .sort((a, b) => b.createdAt - a.createdAt)
            .map((a) => (
              <ActionLine key={a.id} view={a} now={now} />
            ))}
        </ul>
      )}
    </>
  );
}

function ActionLine({ view, now }: { view: RecoveryActionView; now: number }) {
  return (
    <li data-testid="recovery-action" data-status={view.status} data-action={view.action}>
      <span class={`action-status ${view.status}`}>{actionStatusText(view, now)}</span>
      <span class="hint"> · {actionPeople(view).join(' · ')}</span>
      {needsVerification(view) && (
        <span class="recovery-verify-first"> {sayRecovery('notVerifiedError')}</span>
      )}
    </li>
  );
}

interface FormProps {
  busy: boolean;
  onSubmit: (body: RequestRecoveryActionBody) => Promise<unknown>;
}

function NewContactForm({ busy, onSubmit }: FormProps) {
  const [channel, setChannel] = useState<NewContactChannel>('email');
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const read = changeContactBody(channel, value);
    if (!read.ok) return setInvalid(sayRecovery(read.error));
    setInvalid(null);
    void onSubmit(read.body);
  };

  return (
    <form
      id="new-contact-form"
      class="new-contact"
      aria-labelledby="new-contact-title"
      onSubmit={submit}
      noValidate
    >
      <h4 id="new-contact-title">{sayRecovery('newContactTitle')}</h4>
      <label>
        <span>{sayRecovery('newContactChannel')}</span>
        <select
          data-testid="new-contact-channel"
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value === 'phone' ? 'phone' : 'email')}
        >
          <option value="email">{sayRecovery('channel_email')}</option>
          <option value="phone">{sayRecovery('channel_phone')}</option>
        </select>
      </label>
      <label>
        <span>{sayRecovery('newContactValue')}</span>
        <input
          data-testid="new-contact-value"
          type={channel === 'email' ? 'email' : 'tel'}
          autocomplete="off"
          maxLength={254}
          value={value}
          aria-invalid={invalid !== null}
          aria-describedby="new-contact-hint new-contact-error"
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </label>
      <p id="new-contact-hint" class="hint">
        {sayRecovery('newContactHint')}
      </p>
      <p id="new-contact-error" class="error" role={invalid ? 'alert' : undefined}>
        {invalid}
      </p>
      <button type="submit" class="primary" data-testid="new-contact-submit" disabled={busy || !value.trim()}>
        {busy ? sayRecovery('asking') : sayRecovery('askAction', { action: actionName('change_contact') })}
      </button>
    </form>
  );
}
