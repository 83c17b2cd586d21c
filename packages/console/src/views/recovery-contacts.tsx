/**
 * The contacts on file (masked, with their standing) and "Send a code" per contact and purpose; then the
 * codes sent with their status and the proofs. The console picks a contact by its opaque id and never
 * holds its address; no field here takes one.
 */
import { useState } from 'preact/hooks';
import { RECOVERY_ACTIONS } from '@candor/protocol';
import type { RecoveryAction, RecoveryCase, RecoveryContact } from '@candor/protocol';
import { recoveryApi } from '../recovery/recovery-api';
import { sayRecovery } from '../recovery/recovery-text';
import {
  actionName,
  codeText,
  contactName,
  standingText,
  verificationText,
} from '../recovery/recovery-wording';
import { isSignedOut, requestErrorText } from './admin-errors';

interface Props {
  conversationId: string;
  found: RecoveryCase;
  onSent: () => void;
  onSignedOut: () => void;
}

export function RecoveryContacts({ conversationId, found, onSent, onSignedOut }: Props) {
  return (
    <>
      <h3>{sayRecovery('contactsTitle')}</h3>
      {found.contacts.length === 0 ? (
        <p class="hint">{sayRecovery('noContacts')}</p>
      ) : (
        <ul class="recovery-contacts" data-testid="recovery-contacts">
          {found.contacts.map((c) => (
            <ContactRow
              key={c.id}
              contact={c}
              conversationId={conversationId}
              onSent={onSent}
              onSignedOut={onSignedOut}
            />
          ))}
        </ul>
      )}
      <h3>{sayRecovery('codesTitle')}</h3>
      {found.codes.length === 0 ? (
        <p class="hint">{sayRecovery('noCodes')}</p>
      ) : (
        <ul class="recovery-codes" data-testid="recovery-codes">
          {[...found.codes]
            .sort((a, b) => b.sentAt - a.sentAt)
            .map((code) => {
              const words = codeText(code);
              return (
                <li key={code.id} data-status={code.status}>
                  {words.line} · <span class={`code-status ${code.status}`}>{words.status}</span>
                </li>
              );
            })}
        </ul>
      )}
      <h3>{sayRecovery('verificationsTitle')}</h3>
      {found.verifications.length === 0 ? (
        <p class="hint" data-testid="recovery-not-verified">
          {sayRecovery('notVerified')}
        </p>
      ) : (
        <ul class="recovery-verifications" data-testid="recovery-verifications">
          {found.verifications.map((v) => {
            const words = verificationText(v);
            return (
              <li key={`${v.at}-${v.purpose}-${v.masked}`}>
                <strong>{words.line}</strong> {words.purpose}
                {words.replaced && <span class="hint"> · {words.replaced}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

interface RowProps {
  contact: RecoveryContact;
  conversationId: string;
  onSent: () => void;
  onSignedOut: () => void;
}

function ContactRow({ contact, conversationId, onSent, onSignedOut }: RowProps) {
  const [purpose, setPurpose] = useState<RecoveryAction>('unlock');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; failed: boolean } | null>(null);
  const name = contactName(contact);
  const selectId = `purpose-${contact.id}`;

  const send = async () => {
    setBusy(true);
    setResult(null);
    try {
      await recoveryApi.sendCode(conversationId, contact.id, purpose);
      setResult({ text: sayRecovery('codeSent', { contact: contact.masked }), failed: false });
      onSent();
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setResult({ text: requestErrorText(err), failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-testid="recovery-contact" data-standing={contact.standing}>
      <span class="contact-mask">{name}</span>{' '}
      <span class={`standing ${contact.standing}`}>({standingText(contact)})</span>
      <span class="send-code">
        <label for={selectId} class="visually-hidden">
          {sayRecovery('purposeLabelFor', { contact: name })}
        </label>
        <select
          id={selectId}
          data-testid="code-purpose"
          value={purpose}
          disabled={busy}
          onChange={(e) => setPurpose(e.currentTarget.value as RecoveryAction)}
        >
          {RECOVERY_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionName(a)}
            </option>
          ))}
        </select>
        <button
          type="button"
          data-testid="send-code"
          disabled={busy}
          aria-label={sayRecovery('sendCodeTo', { contact: name, purpose: actionName(purpose) })}
          onClick={() => void send()}
        >
          {busy ? sayRecovery('sending') : sayRecovery('sendCode')}
        </button>
      </span>
      {result && (
        <span role={result.failed ? 'alert' : 'status'} class={result.failed ? 'error' : 'quiet'}>
          {result.text}
        </span>
      )}
    </li>
  );
}
