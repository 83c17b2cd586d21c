/** The signed-in console: top bar, connection banner, and the inbox or admin page by route. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WS_PATHS } from '@candor/protocol';
import type { Agent, Team } from '@candor/protocol';
import { api, ApiError, isSignedIn } from '../api';
import { errorText } from '../error-text';
import { knownTags } from '../live/inbox-state';
import type { ListFilter, Tab } from '../live/inbox-state';
import { routingApi } from '../routing-api';
import { ListFilters } from './list-filters';
import { useNotifications } from '../notifications/use-notifications';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useShortcuts } from './use-shortcuts';
import { LiveSession } from '../live/session';
import { navigate, useRoute } from '../route';
import { AccountPage } from './account';
import { AdminPage } from './admin';
import { IntegrationsPage } from './admin-integrations';
import { sayIntegrations } from '../integrations/integrations-text';
import { RatingsPage } from './ratings-report';
import { sayRatings } from '../ratings-text';
import { ConnectionBanner } from './connection-banner';
import { UserText } from './user-text';
import { ConversationView } from './conversation';
import { ContactPanel } from './contact-panel';
import { InboxList } from './inbox-list';
import { SearchPanel } from './search-panel';
import { useLiveState } from './use-live';
import { StatusControl } from './status-control';
import { QueuePanel } from './queue-panel';
import { ColleagueList } from './colleague-list';
import { ApprovalsPage } from './approvals-page';
import { AuditPage } from './audit-page';
import { RecoveryPanel } from './recovery-panel';
import { SupportReferenceButton } from './support-reference';
import { SignalNotice } from './signal-notice';
import { supervises } from '../recovery/approvals';
import { saySupervision } from '../recovery/supervision-text';
import { sayShell } from '../shell-text';

interface Props {
  agent: Agent;
  onSignedOut: (notice: string | null) => void;
  /** Our role or name changed: read who we are again (the workspace starts afresh). */
  onAgentChanged: () => void;
}

/** A conversation's private notes and activity trail, read together when it is opened. */
async function loadAgentExtras(conversationId: string) {
  const [{ notes }, { activity }] = await Promise.all([
    api.listNotes(conversationId),
    api.listActivity(conversationId),
  ]);
  return { notes, activity };
}

function agentSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATHS.agent}`;
}

export function Workspace({ agent, onSignedOut, onAgentChanged }: Props) {
  const session = useMemo(
    () =>
      new LiveSession({
        url: agentSocketUrl(),
        socket: WebSocket,
        me: agent,
        isSignedIn,
        loadExtras: loadAgentExtras,
        loadAgentStatus: async () => (await routingApi.agents()).agents,
      }),
    [agent],
  );
  const state = useLiveState(session);
  const route = useRoute();
  const [tab, setTab] = useState<Tab>('new');
  const [filter, setFilter] = useState<ListFilter>({});
  const [teams, setTeams] = useState<Team[]>([]);
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
    routingApi.listTeams().then(
      (r) => setTeams(r.teams),
      () => undefined, // no team filter, no team notifications: the inbox still works
    );
  }, [agent]);

  useEffect(() => {
    if (state.status === 'signed-out') onSignedOut(sayShell('sessionEnded'));
    if (state.status === 'role-changed') onAgentChanged();
  }, [state.status, onSignedOut, onAgentChanged]);

  const openConversation = (conversationId: string) => navigate({ page: 'inbox', conversationId });
  const myTeamIds = useMemo(
    () => teams.filter((t) => t.memberIds.includes(agent.id)).map((t) => t.id),
    [teams, agent.id],
  );
  const notifications = useNotifications(session, state, openConversation, myTeamIds);
  const [askDesktop, setAskDesktop] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);

  const openHelp = useCallback(() => setHelpOpen(true), []);
  useShortcuts(session, { state, tab, openId, route }, openHelp);

  const logout = async () => {
    setLogoutError(null);
    try {
      await api.logout();
    } catch (err) {
      // Already signed out is the outcome we wanted; anything else leaves the cookie valid, so say so.
      if (!(err instanceof ApiError && err.status === 401)) {
        setLogoutError(
          err instanceof ApiError ? errorText(err.code, err.message) : sayShell('signOutFailed'),
        );
        return;
      }
    }
    session.stop();
    onSignedOut(null);
  };

  const go = (
    event: MouseEvent,
    page: 'inbox' | 'admin' | 'integrations' | 'account' | 'ratings' | 'approvals' | 'audit',
  ) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return; // let new tabs open
    event.preventDefault();
    navigate(page === 'inbox' || page === 'audit' ? { page, conversationId: null } : { page });
  };
  const sessionEnded = () => onSignedOut(sayShell('sessionEnded'));
  const signals = state.signalAlerts.length;
  const recoveryChanges = useMemo(
    () => Object.values(state.recoveryChanges).reduce((sum, n) => sum + n, 0),
    [state.recoveryChanges],
  );
  const openEntry = openId === null ? undefined : state.inbox[openId];

  const generalNotice = state.notice?.conversationId === null ? state.notice : null;

  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">Candor</span>
        {route.page === 'inbox' && (
          // The other pages title themselves; the inbox's design has no room for a visible title.
          <h1 class="visually-hidden" data-testid="inbox-heading">
            {sayShell('inboxHeading')}
          </h1>
        )}
        <nav aria-label={sayShell('mainNav')} class="main-nav">
          <a
            href="/console"
            aria-current={route.page === 'inbox' ? 'page' : undefined}
            onClick={(e) => go(e, 'inbox')}
          >
            {sayShell('inboxNav')}
          </a>
          {agent.role === 'admin' && (
            <a
              href="/console/admin"
              data-testid="admin-link"
              aria-current={route.page === 'admin' ? 'page' : undefined}
              onClick={(e) => go(e, 'admin')}
            >
              {sayShell('adminNav')}
            </a>
          )}
          {agent.role === 'admin' && (
            <a
              href="/console/admin/integrations"
              data-testid="integrations-link"
              aria-current={route.page === 'integrations' ? 'page' : undefined}
              onClick={(e) => go(e, 'integrations')}
            >
              {sayIntegrations('nav')}
            </a>
          )}
          {agent.role === 'admin' && (
            <a
              href="/console/ratings"
              data-testid="ratings-link"
              aria-current={route.page === 'ratings' ? 'page' : undefined}
              onClick={(e) => go(e, 'ratings')}
            >
              {sayRatings('nav')}
            </a>
          )}
          {supervises(agent.role) && (
            <a
              href="/console/approvals"
              data-testid="approvals-link"
              aria-current={route.page === 'approvals' ? 'page' : undefined}
              aria-label={signals > 0 ? saySupervision('approvalsNavSignals', { count: signals }) : undefined}
              onClick={(e) => go(e, 'approvals')}
            >
              {saySupervision('approvalsNav')}
              {signals > 0 && (
                <span class="badge signal-badge" data-testid="signal-badge" aria-hidden="true">
                  {signals}
                </span>
              )}
            </a>
          )}
          {supervises(agent.role) && (
            <a
              href="/console/audit"
              data-testid="audit-link"
              aria-current={route.page === 'audit' ? 'page' : undefined}
              onClick={(e) => go(e, 'audit')}
            >
              {saySupervision('auditNav')}
            </a>
          )}
          <a
            href="/console/account"
            data-testid="account-link"
            aria-current={route.page === 'account' ? 'page' : undefined}
            onClick={(e) => go(e, 'account')}
          >
            {sayShell('accountNav')}
          </a>
        </nav>
        <button
          type="button"
          class="link"
          data-testid="shortcuts-button"
          aria-keyshortcuts="?"
          onClick={() => setHelpOpen(true)}
        >
          {sayShell('keyboardShortcuts')}
        </button>
        <StatusControl agentId={agent.id} live={state.agentStatus[agent.id]?.status} />
        <span class="me" title={agent.email} data-testid="me-name">
          <span class="visually-hidden">{sayShell('signedInAs')}</span>
          <UserText text={agent.name} />
        </span>
        <button type="button" data-testid="logout" onClick={() => void logout()}>
          {sayShell('logOut')}
        </button>
      </header>
      <ConnectionBanner status={state.status} onRetry={() => session.reconnectNow()} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      {askDesktop && notifications.permission === 'default' && notifications.preferences.desktop && (
        // A labelled region: every part of the page sits in a landmark, so a screen reader can reach it.
        <section
          class="notice desktop-ask"
          data-testid="desktop-ask"
          aria-label={sayShell('desktopAskRegion')}
        >
          {sayShell('desktopAsk')}{' '}
          <button
            type="button"
            data-testid="allow-desktop"
            onClick={() => void notifications.requestPermission()}
          >
            {sayShell('allowDesktop')}
          </button>{' '}
          <button type="button" class="link" onClick={() => setAskDesktop(false)}>
            {sayShell('notNow')}
          </button>
        </section>
      )}
      {(logoutError ?? generalNotice) && (
        <div class="notice" role="alert">
          {logoutError ?? generalNotice?.text}
          <button
            type="button"
            class="link"
            onClick={() => (logoutError ? setLogoutError(null) : session.dismissNotice())}
          >
            {sayShell('dismiss')}
          </button>
        </div>
      )}
      {state.signalAlerts.length > 0 && route.page !== 'approvals' && (
        <SignalNotice
          conversationId={state.signalAlerts[state.signalAlerts.length - 1] ?? ''}
          onOpen={openConversation}
          onDismiss={(id) => session.dismissSignal(id)}
        />
      )}
      {route.page === 'approvals' ? (
        <ApprovalsPage me={agent} changes={recoveryChanges} onSignedOut={sessionEnded} />
      ) : route.page === 'audit' ? (
        <AuditPage me={agent} conversationId={route.conversationId} onSignedOut={sessionEnded} />
      ) : route.page === 'ratings' ? (
        <RatingsPage me={agent} onSignedOut={() => onSignedOut(sayShell('sessionEnded'))} />
      ) : route.page === 'integrations' ? (
        <IntegrationsPage me={agent} onSignedOut={sessionEnded} />
      ) : route.page === 'admin' ? (
        <AdminPage me={agent} onSignedOut={() => onSignedOut(sayShell('sessionEnded'))} />
      ) : route.page === 'account' ? (
        <AccountPage
          me={agent}
          notifications={notifications}
          onSignedOut={() => onSignedOut(sayShell('sessionEnded'))}
          onRenamed={onAgentChanged}
        />
      ) : (
        <div class={openId === null ? 'inbox-layout' : 'inbox-layout has-open'}>
          <SearchPanel
            me={agent}
            openId={openId}
            filter={filter}
            filters={
              <ListFilters filter={filter} onChange={setFilter} tags={knownTags(state.inbox)} teams={teams} />
            }
          >
            <QueuePanel version={state.inbox} />
            <ColleagueList meId={agent.id} statuses={state.agentStatus} />
            <InboxList
              inbox={state.inbox}
              loaded={state.inboxLoaded}
              openNotShown={state.openNotShown}
              tab={tab}
              onTab={setTab}
              me={agent}
              openId={openId}
              filter={filter}
            />
          </SearchPanel>
          {openId === null ? (
            <main class="conversation empty-state">
              <p>{sayShell('selectConversation')}</p>
            </main>
          ) : (
            <div class={openEntry?.recovery ? 'conversation-pane recovery' : 'conversation-pane'}>
              <ConversationView
                key={openId}
                conversationId={openId}
                session={session}
                state={state}
                replyDrafts={replyDrafts}
              />
              <div class="side-column">
                {openEntry?.recovery && (
                  <RecoveryPanel
                    key={`recovery-${openId}`}
                    conversationId={openId}
                    state={state}
                    onSignedOut={sessionEnded}
                  />
                )}
                <ContactPanel
                  key={`contact-${openId}`}
                  conversationId={openId}
                  session={session}
                  state={state}
                >
                  <SupportReferenceButton
                    key={`reference-${openId}`}
                    conversationId={openId}
                    onSignedOut={sessionEnded}
                  />
                </ContactPanel>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
