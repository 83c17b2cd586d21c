/**
 * The audit trail (issue 14), for admins and supervisors: every code sent and tried, action, approval
 * and refusal, newest first, of all conversations or one (the filter is in the address, so a case can
 * link to its own trail). Entries hold no code; their detail is shown as plain text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Agent, AuditEntry } from '@candor/protocol';
import { recoveryApi } from '../recovery/recovery-api';
import { actionText, appendPage, detailText } from '../recovery/audit-query';
import { supervises } from '../recovery/approvals';
import { saySupervision } from '../recovery/supervision-text';
import { navigate, pathFor } from '../route';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';

interface Props {
  me: Agent;
  conversationId: string | null;
  onSignedOut: () => void;
}

export function AuditPage({ me, conversationId, onSignedOut }: Props) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [typed, setTyped] = useState(conversationId ?? '');

  // A page asked for under another filter is dropped when it lands: only the latest read counts.
  const reading = useRef(0);
  const load = (after: string | null, held: AuditEntry[]) => {
    const mine = ++reading.current;
    setLoading(true);
    setError(null);
    recoveryApi
      .audit({ conversationId: conversationId ?? undefined, cursor: after })
      .then(
        (page) => {
          if (mine !== reading.current) return;
          setEntries(appendPage(held, page.entries));
          setCursor(page.nextCursor);
        },
        (err: unknown) => {
          if (mine !== reading.current) return;
          if (isSignedOut(err)) onSignedOut();
          else setError(requestErrorText(err));
        },
      )
      .finally(() => mine === reading.current && setLoading(false));
  };

  useEffect(() => {
    setTyped(conversationId ?? '');
    setEntries(null);
    if (supervises(me.role)) load(null, []);
  }, [conversationId, me.role]); // load and onSignedOut are new closures each render

  if (!supervises(me.role)) {
    return (
      <main class="admin">
        <p>{saySupervision('auditOnly')}</p>
      </main>
    );
  }

  const filter = (event: Event) => {
    event.preventDefault();
    const id = typed.trim();
    navigate({ page: 'audit', conversationId: id === '' ? null : id });
  };

  return (
    <main class="admin audit" aria-labelledby="audit-title">
      <h1 id="audit-title">{saySupervision('auditTitle')}</h1>
      <p class="hint">{saySupervision('auditHint')}</p>
      <form class="audit-filter" onSubmit={filter}>
        <label>
          <span>{saySupervision('auditFilter')}</span>
          <input
            data-testid="audit-conversation"
            value={typed}
            maxLength={64}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
        </label>
        <button type="submit" data-testid="audit-show">
          {saySupervision('auditShow')}
        </button>
        {conversationId !== null && (
          <button type="button" onClick={() => navigate({ page: 'audit', conversationId: null })}>
            {saySupervision('auditClear')}
          </button>
        )}
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {entries === null && !error && <p class="quiet">{saySupervision('auditLoading')}</p>}
      {entries?.length === 0 && <p>{saySupervision('auditEmpty')}</p>}
      {entries && entries.length > 0 && (
        <div class="table-scroll">
          <table class="audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{saySupervision('auditWhen')}</th>
                <th scope="col">{saySupervision('auditWho')}</th>
                <th scope="col">{saySupervision('auditWhat')}</th>
                <th scope="col">{saySupervision('auditWhere')}</th>
                <th scope="col">{saySupervision('auditAccount')}</th>
                <th scope="col">{saySupervision('auditDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <AuditRow key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor !== null && entries && (
        <button
          type="button"
          data-testid="audit-more"
          disabled={loading}
          onClick={() => load(cursor, entries)}
        >
          {saySupervision('auditMore')}
        </button>
      )}
    </main>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const who = saySupervision(`actor_${entry.actor.type}`);
  const route =
    entry.conversationId === null ? null : { page: 'inbox' as const, conversationId: entry.conversationId };
  return (
    <tr data-testid="audit-entry" data-action={entry.action}>
      <td>
        <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time>
      </td>
      <td>
        {who}
        {entry.actor.name && (
          <>
            {' · '}
            <UserText text={entry.actor.name} />
          </>
        )}
      </td>
      <td>{actionText(entry.action)}</td>
      <td>
        {route && (
          <a
            href={pathFor(route)}
            aria-label={saySupervision('auditOpen', { id: route.conversationId })}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              navigate(route);
            }}
          >
            <UserText text={route.conversationId} />
          </a>
        )}
      </td>
      <td>{entry.accountId !== null && <UserText text={entry.accountId} />}</td>
      <td class="audit-detail">
        <UserText text={detailText(entry.detail)} />
      </td>
    </tr>
  );
}
