/**
 * The recovery panel beside a recovery conversation (issue 14): what the visitor named and said
 * happened, the account on file it matched (or none), takeover signals as a warning, the contacts on file
 * (masked) with "Send a code", the codes and proofs, and the actions with their status from the server.
 * Read over REST, again on each `recovery.changed`. There is no field for a code's destination: a code
 * goes to a contact on file, picked by its opaque id.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RecoveryCase } from '@candor/protocol';
import type { LiveState } from '../live/session';
import { recoveryApi } from '../recovery/recovery-api';
import { sayRecovery } from '../recovery/recovery-text';
import { distinctSignals, signalText, situationText } from '../recovery/recovery-wording';
import { isSignedOut, requestErrorText } from './admin-errors';
import { RecoveryContacts } from './recovery-contacts';
import { RecoveryActions } from './recovery-actions';
import { UserText } from './user-text';
import { PHONE } from './contact-panel';

interface Props {
  conversationId: string;
  state: LiveState;
  onSignedOut: () => void;
}

export function RecoveryPanel({ conversationId, state, onSignedOut }: Props) {
  const changes = state.recoveryChanges[conversationId] ?? 0;
  const [found, setFound] = useState<RecoveryCase | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [reads, setReads] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    recoveryApi.recoveryCase(conversationId).then(
      ({ recovery }) => live && (setFound(recovery), setFailed(null), setNow(Date.now())),
      (err: unknown) => {
        if (!live) return;
        if (isSignedOut(err)) return onSignedOut();
        setFailed(requestErrorText(err));
      },
    );
    return () => void (live = false);
  }, [conversationId, changes, reads]); // onSignedOut is a new closure each render

  /** After our own request: read the case again rather than guess what the server made of it. */
  const reload = useCallback(() => setReads((n) => n + 1), []);
  // A phone has no room for the panel beside the conversation: there it starts folded, as the contact's.
  const [open, setOpen] = useState(() => !(typeof matchMedia === 'function' && matchMedia(PHONE).matches));
  const warned = (found?.signals.length ?? 0) > 0;

  return (
    <section
      class={open ? 'recovery-panel' : 'recovery-panel collapsed'}
      aria-labelledby="recovery-title"
      data-testid="recovery-panel"
    >
      <h2 id="recovery-title">
        <button
          type="button"
          class="contact-toggle"
          aria-expanded={open}
          aria-controls="recovery-body"
          data-testid="recovery-toggle"
          onClick={() => setOpen(!open)}
        >
          {sayRecovery('panelTitle')}
        </button>
      </h2>
      {!open && warned && (
        <p class="recovery-signals" role="alert">
          {sayRecovery('signalsTitle')}
        </p>
      )}
      <div id="recovery-body" hidden={!open}>
        <RecoveryBody
          found={found}
          failed={failed}
          now={now}
          conversationId={conversationId}
          reload={reload}
          onSignedOut={onSignedOut}
        />
      </div>
    </section>
  );
}

interface LoadedProps {
  found: RecoveryCase | null;
  failed: string | null;
  now: number;
  conversationId: string;
  reload: () => void;
  onSignedOut: () => void;
}

function RecoveryBody({ found, failed, now, conversationId, reload, onSignedOut }: LoadedProps) {
  return (
    <>
      <p class="recovery-banner" data-testid="recovery-banner">
        {sayRecovery('neverAsk')}
      </p>
      {found === null ? (
        failed ? (
          <p class="error" role="alert">
            {sayRecovery('loadFailed')} {failed}{' '}
            <button type="button" onClick={reload}>
              {sayRecovery('retry')}
            </button>
          </p>
        ) : (
          <p class="hint">{sayRecovery('loading')}</p>
        )
      ) : (
        <CaseBody
          found={found}
          now={now}
          conversationId={conversationId}
          onChanged={reload}
          onSignedOut={onSignedOut}
        />
      )}
    </>
  );
}

interface BodyProps {
  found: RecoveryCase;
  now: number;
  conversationId: string;
  onChanged: () => void;
  onSignedOut: () => void;
}

function CaseBody({ found, now, conversationId, onChanged, onSignedOut }: BodyProps) {
  const signals = distinctSignals(found.signals);
  return (
    <>
      {signals.length > 0 && (
        <div class="recovery-signals" role="alert" data-testid="recovery-signals">
          <h3>{sayRecovery('signalsTitle')}</h3>
          <ul>
            {signals.map((s) => (
              <li key={s.kind} data-kind={s.kind}>
                {signalText(s)}
              </li>
            ))}
          </ul>
          <p>{sayRecovery('signalsAdvice')}</p>
        </div>
      )}
      <dl>
        <dt>{sayRecovery('claimed')}</dt>
        <dd data-testid="recovery-claimed">
          <UserText text={found.claimedAccount} />
        </dd>
        <dt>{sayRecovery('situation')}</dt>
        <dd data-testid="recovery-situation">{situationText(found.situation)}</dd>
        <dt>{sayRecovery('accountOnFile')}</dt>
        <dd data-testid="recovery-account" data-matched={found.account !== null}>
          {found.account === null ? (
            <strong>{sayRecovery('noAccount')}</strong>
          ) : (
            <UserText text={found.account.name ?? found.account.externalId} />
          )}
        </dd>
      </dl>
      {found.account === null ? (
        <p class="hint">{sayRecovery('noAccountHint')}</p>
      ) : (
        <>
          <RecoveryContacts
            conversationId={conversationId}
            found={found}
            onSent={onChanged}
            onSignedOut={onSignedOut}
          />
          <RecoveryActions
            conversationId={conversationId}
            found={found}
            now={now}
            onRequested={onChanged}
            onSignedOut={onSignedOut}
          />
        </>
      )}
    </>
  );
}
