/** The signed-in console: top bar, connection banner, and the inbox or admin page by route. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WS_PATHS } from '@candor/protocol';
import type { Agent } from '@candor/protocol';
import { api, ApiError, isSignedIn } from '../api';
import { errorText } from '../error-text';
import { totalUnread } from '../live/inbox-state';
import type { Tab } from '../live/inbox-state';
import { LiveSession } from '../live/session';
import { navigate, useRoute } from '../route';
import { AccountPage } from './account';
import { AdminPage } from './admin';
import { ConnectionBanner } from './connection-banner';
import { UserText } from './user-text';
import { ConversationView } from './conversation';
import { InboxList } from './inbox-list';
import { useLiveState } from './use-live';
import { StatusControl } from './status-control';
import { QueuePanel } from './queue-panel';

interface Props {
  agent: Agent;
  onSignedOut: (notice: string | null) => void;
  /** Our role or name changed: read who we are again (the workspace starts afresh). */
  onAgentChanged: () => void;
}

function agentSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATHS.agent}`;
}

export function Workspace({ agent, onSignedOut, onAgentChanged }: Props) {
  const session = useMemo(
    () => new LiveSession({ url: agentSocketUrl(), socket: WebSocket, me: agent, isSignedIn }),
    [agent],
  );
  const state = useLiveState(session);
  const route = useRoute();
  const [tab, setTab] = useState<Tab>('new');
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const replyDrafts = useRef(new Map<string, string>()).current;
  const openId = route.page === 'inbox' ? route.conversationId : null;

  useEffect(() => {
    session.start();
    // The browser knows when the network is back before our backoff timer does.
    const online = () => session.reconnectNow();
    addEventListener('online', online);
    return () => {
      removeEventListener('online', online);
      session.stop();
    };
  }, [session]);

  useEffect(() => session.open(openId), [session, openId]);

  useEffect(() => {
    if (state.status === 'signed-out') onSignedOut('Your session has ended. Sign in again.');
    if (state.status === 'role-changed') onAgentChanged();
  }, [state.status, onSignedOut, onAgentChanged]);

  const unread = totalUnread(state.inbox);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Candor` : 'Candor';
  }, [unread]);
  useEffect(
    () => () => {
      document.title = 'Candor';
    },
    [],
  );

  const logout = async () => {
    setLogoutError(null);
    try {
      await api.logout();
    } catch (err) {
      // Already signed out is the outcome we wanted; anything else leaves the cookie valid, so say so.
      if (!(err instanceof ApiError && err.status === 401)) {
        setLogoutError(err instanceof ApiError ? errorText(err.code, err.message) : 'Sign-out failed.');
        return;
      }
    }
    session.stop();
    onSignedOut(null);
  };

  const go = (event: MouseEvent, page: 'inbox' | 'admin' | 'account') => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // let new tabs open
    event.preventDefault();
    navigate(page === 'inbox' ? { page, conversationId: null } : { page });
  };

  const generalNotice = state.notice?.conversationId === null ? state.notice : null;

  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">Candor</span>
        <nav aria-label="Main" class="main-nav">
          <a
            href="/console"
            aria-current={route.page === 'inbox' ? 'page' : undefined}
            onClick={(e) => go(e, 'inbox')}
          >
            Inbox
          </a>
          {agent.role === 'admin' && (
            <a
              href="/console/admin"
              data-testid="admin-link"
              aria-current={route.page === 'admin' ? 'page' : undefined}
              onClick={(e) => go(e, 'admin')}
            >
              Admin
            </a>
          )}
          <a
            href="/console/account"
            data-testid="account-link"
            aria-current={route.page === 'account' ? 'page' : undefined}
            onClick={(e) => go(e, 'account')}
          >
            Account
          </a>
        </nav>
        <StatusControl agentId={agent.id} />
        <span class="me" title={agent.email}>
          <UserText text={agent.name} />
        </span>
        <button type="button" data-testid="logout" onClick={() => void logout()}>
          Log out
        </button>
      </header>
      <ConnectionBanner status={state.status} onRetry={() => session.reconnectNow()} />
      {(logoutError ?? generalNotice) && (
        <div class="notice" role="alert">
          {logoutError ?? generalNotice?.text}
          <button
            type="button"
            class="link"
            onClick={() => (logoutError ? setLogoutError(null) : session.dismissNotice())}
          >
            Dismiss
          </button>
        </div>
      )}
      {route.page === 'admin' ? (
        <AdminPage me={agent} onSignedOut={() => onSignedOut('Your session has ended. Sign in again.')} />
      ) : route.page === 'account' ? (
        <AccountPage
          me={agent}
          onSignedOut={() => onSignedOut('Your session has ended. Sign in again.')}
          onRenamed={onAgentChanged}
        />
      ) : (
        <div class="inbox-layout">
          <div class="inbox-column">
            <QueuePanel inboxId="default" version={state.inbox} />
            <InboxList
              inbox={state.inbox}
              loaded={state.inboxLoaded}
              openNotShown={state.openNotShown}
              tab={tab}
              onTab={setTab}
              me={agent}
              openId={openId}
            />
          </div>
          {openId === null ? (
            <main class="conversation empty-state">
              <p>Select a conversation.</p>
            </main>
          ) : (
            <ConversationView
              key={openId}
              conversationId={openId}
              session={session}
              state={state}
              replyDrafts={replyDrafts}
            />
          )}
        </div>
      )}
    </div>
  );
}
