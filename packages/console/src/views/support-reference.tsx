/**
 * "Give a support reference": a short, expiring reference the agent copies into the chat; the customer
 * can check it on the help centre's verify page, so someone claiming to be support elsewhere can be
 * checked. Asked of the server for this conversation; shown until the agent leaves it.
 */
import { useState } from 'preact/hooks';
import type { SupportReference } from '@candor/protocol';
import { recoveryApi } from '../recovery/recovery-api';
import { sayRecovery } from '../recovery/recovery-text';
import { when } from '../recovery/recovery-wording';
import { isSignedOut, requestErrorText } from './admin-errors';

interface Props {
  conversationId: string;
  onSignedOut: () => void;
}

export function SupportReferenceButton({ conversationId, onSignedOut }: Props) {
  const [given, setGiven] = useState<SupportReference | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const give = async () => {
    setBusy(true);
    setError(null);
    setCopied(null);
    setRevoked(null);
    try {
      setGiven(await recoveryApi.supportReference(conversationId));
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(requestErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  // Given by mistake, or pasted to the wrong person: withdrawn at once, the verify page then says so.
  const revoke = async () => {
    if (!given) return;
    setBusy(true);
    setError(null);
    try {
      await recoveryApi.revokeSupportReference(given.reference);
      setRevoked(given.reference);
      setGiven(null);
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(requestErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  const copy = () => {
    if (!given) return;
    // The clipboard API needs a secure context; on plain http the agent selects and copies by hand.
    if (!navigator.clipboard) return setCopied('failed');
    navigator.clipboard.writeText(given.reference).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };

  return (
    <div class="support-reference" data-testid="support-reference">
      <button type="button" data-testid="give-reference" disabled={busy} onClick={() => void give()}>
        {sayRecovery('giveReference')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {given && (
        <div role="status">
          <p>
            {sayRecovery('referenceIs', { reference: '' })}
            <code data-testid="reference-value">{given.reference}</code>{' '}
            <button type="button" data-testid="copy-reference" onClick={copy}>
              {copied === 'yes' ? sayRecovery('copied') : sayRecovery('copyReference')}
            </button>
          </p>
          <p class="hint" data-testid="reference-expiry">
            {sayRecovery('referenceExpires', { time: when(given.expiresAt, Date.now()) })}{' '}
            {sayRecovery('referenceHint')}
          </p>
          {copied === 'failed' && <p class="hint">{sayRecovery('copyFailed')}</p>}
          <button type="button" data-testid="revoke-reference" disabled={busy} onClick={() => void revoke()}>
            {sayRecovery('revokeReference')}
          </button>
        </div>
      )}
      {revoked && (
        <p role="status" data-testid="reference-revoked">
          {sayRecovery('referenceRevoked', { reference: revoked })}
        </p>
      )}
    </div>
  );
}
