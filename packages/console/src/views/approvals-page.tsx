/**
 * Recovery approvals (issue 14), for supervisors and admins: actions awaiting a second person, oldest
 * first, each with its conversation, an optional note, Approve and Refuse. Never offered on one's own
 * request (the server refuses it too). Read again on each takeover signal or recovery change.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent } from '@candor/protocol';
import { recoveryApi } from '../recovery/recovery-api';
import {
  approvalsInOrder,
  mayDecide,
  supervises,
  withoutApproval,
  type Approval,
} from '../recovery/approvals';
import { saySupervision } from '../recovery/supervision-text';
import { actionName, actionStatusText, clock } from '../recovery/recovery-wording';
import { navigate, pathFor } from '../route';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';

interface Props {
  me: Agent;
  /** Bumps on each `recovery.changed` anywhere: the list is read again. */
  changes: number;
  onSignedOut: () => void;
}

export function ApprovalsPage({ me, changes, onSignedOut }: Props) {
  const [approvals, setApprovals] = useState<Approval[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reads, setReads] = useState(0);
  const [decided, setDecided] = useState<string | null>(null);

  useEffect(() => {
    if (!supervises(me.role)) return;
    let live = true;
    recoveryApi.approvals().then(
      (r) => live && (setApprovals(approvalsInOrder(r.approvals)), setLoadError(null)),
      (err: unknown) => {
        if (!live) return;
        if (isSignedOut(err)) return onSignedOut();
        setLoadError(requestErrorText(err));
      },
    );
    return () => void (live = false);
  }, [me.role, changes, reads]); // onSignedOut is a new closure each render

  if (!supervises(me.role)) {
    return (
      <main class="admin">
        <p>{saySupervision('approvalsOnly')}</p>
      </main>
    );
  }

  return (
    <main class="admin approvals" aria-labelledby="approvals-title">
      <h1 id="approvals-title">{saySupervision('approvalsTitle')}</h1>
      <p class="hint">{saySupervision('approvalsHint')}</p>
      <button type="button" data-testid="approvals-refresh" onClick={() => setReads((n) => n + 1)}>
        {saySupervision('approvalsRefresh')}
      </button>
      {decided && (
        <p role="status" class="quiet">
          {decided}
        </p>
      )}
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {approvals === null && !loadError && <p class="quiet">{saySupervision('approvalsLoading')}</p>}
      {approvals?.length === 0 && <p data-testid="approvals-empty">{saySupervision('approvalsEmpty')}</p>}
      {approvals && approvals.length > 0 && (
        <ul class="approvals-list" data-testid="approvals">
          {approvals.map((a) => (
            <ApprovalItem
              key={a.id}
              approval={a}
              me={me}
              onDecided={(text) => {
                setDecided(text);
                setApprovals((list) => (list ? withoutApproval(list, a.id) : list));
              }}
              onSignedOut={onSignedOut}
            />
          ))}
        </ul>
      )}
    </main>
  );
}

interface ItemProps {
  approval: Approval;
  me: Agent;
  onDecided: (text: string) => void;
  onSignedOut: () => void;
}

function ApprovalItem({ approval, me, onDecided, onSignedOut }: ItemProps) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action = actionName(approval.action);
  const name = approval.requestedBy.name;
  const route = { page: 'inbox' as const, conversationId: approval.conversationId };
  const noteId = `note-${approval.id}`;

  const decide = async (decision: 'approve' | 'refuse') => {
    setBusy(true);
    setError(null);
    try {
      const { action: after } = await recoveryApi.decide(approval.id, decision, note);
      // An approval the server still refused (e.g. the proof expired meanwhile) says why, not "Approved".
      const text =
        after.status === 'refused' && decision === 'approve'
          ? actionStatusText(after, Date.now())
          : saySupervision(decision === 'approve' ? 'decidedApproved' : 'decidedRefused');
      onDecided(text);
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(saySupervision('notDecided', { reason: requestErrorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="approval" data-testid="approval" data-action-id={approval.id}>
      <p>
        <strong>{action}</strong>{' '}
        <UserText text={saySupervision('askedByAt', { name, time: clock(approval.createdAt) })} />
        {approval.newContactMasked && <span class="hint"> · {approval.newContactMasked}</span>}
      </p>
      <p>
        <a
          href={pathFor(route)}
          aria-label={saySupervision('openConversationOf', { action })}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate(route);
          }}
        >
          {saySupervision('openConversation')}
        </a>
      </p>
      {mayDecide(approval, me.id, me.role) ? (
        <div class="approval-decision">
          <label for={noteId}>{saySupervision('noteFor', { action, name })}</label>
          <textarea
            id={noteId}
            data-testid="approval-note"
            rows={2}
            maxLength={500}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button
            type="button"
            class="primary"
            data-testid="approve"
            disabled={busy}
            aria-label={saySupervision('approveLabel', { action, name })}
            onClick={() => void decide('approve')}
          >
            {saySupervision('approve')}
          </button>{' '}
          <button
            type="button"
            class="danger"
            data-testid="refuse"
            disabled={busy}
            aria-label={saySupervision('refuseLabel', { action, name })}
            onClick={() => void decide('refuse')}
          >
            {saySupervision('refuse')}
          </button>
        </div>
      ) : (
        <p class="hint" data-testid="own-request">
          {saySupervision('ownRequest')}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
