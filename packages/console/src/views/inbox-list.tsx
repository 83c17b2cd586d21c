/** The three inbox tabs and their rows; rows are links so a conversation has a URL and opens by keyboard. */
import type { Agent } from '@candor/protocol';
import { listTab, tabUnread, TABS } from '../live/inbox-state';
import type { InboxEntry, InboxState, ListFilter, Tab } from '../live/inbox-state';
import { consoleLang, say } from '../console-text';
import { sayConversation } from '../conversation-text';
import { sayInbox, type InboxTextKey } from '../inbox-text';
import { verificationBadge } from '../contact-text';
import { sayRecovery } from '../recovery/recovery-text';
import { relativeTime } from '../relative-time';
import { navigate, pathFor } from '../route';
import { useNow } from './use-live';
import { UserText } from './user-text';
import { visitorLabel } from '../visitor-label';

const TAB_LABEL: Record<Tab, InboxTextKey> = { new: 'tabNew', mine: 'tabMine', all: 'tabAll' };
const EMPTY_TEXT: Record<Tab, InboxTextKey> = { new: 'emptyNew', mine: 'emptyMine', all: 'emptyAll' };

interface Props {
  inbox: InboxState;
  loaded: boolean;
  /** Open conversations the server left out of the list (see LiveState). */
  openNotShown: number;
  tab: Tab;
  onTab: (tab: Tab) => void;
  me: Agent;
  openId: string | null;
  /** The tag and team chosen above the list (list-filters.tsx). */
  filter: ListFilter;
}

export function InboxList({ inbox, loaded, openNotShown, tab, onTab, me, openId, filter }: Props) {
  const now = useNow(30_000);
  const filtered = (filter.tag ?? null) !== null || (filter.teamId ?? null) !== null;
  const rows = listTab(inbox, tab, me.id, filter);

  // Arrow keys move between tabs, as the ARIA tabs pattern expects; Tab moves on to the rows.
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const index =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    const target = TABS[index];
    if (target === undefined) return;
    event.preventDefault();
    onTab(target);
    document.getElementById(`tab-${target}`)?.focus();
  };

  return (
    <nav class="inbox" aria-label={sayInbox('conversations')}>
      <div role="tablist" aria-label={sayInbox('inboxViews')} class="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => {
          const unread = tabUnread(inbox, t, me.id);
          return (
            <button
              type="button"
              role="tab"
              id={`tab-${t}`}
              key={t}
              data-testid={`tab-${t}`}
              aria-selected={t === tab}
              aria-controls="inbox-rows"
              tabIndex={t === tab ? 0 : -1}
              onClick={() => onTab(t)}
            >
              {sayInbox(TAB_LABEL[t])}
              {unread > 0 && (
                <>
                  <span class="badge" data-testid="tab-unread">
                    {unread}
                  </span>
                  <span class="visually-hidden">{sayInbox(unread === 1 ? 'unreadOne' : 'unread')}</span>
                </>
              )}
            </button>
          );
        })}
      </div>
      <div id="inbox-rows" role="tabpanel" aria-labelledby={`tab-${tab}`} class="rows">
        {!loaded && <p class="quiet">{sayInbox('loadingConversations')}</p>}
        {loaded && openNotShown > 0 && tab !== 'mine' && (
          <p class="quiet" role="status" data-testid="open-not-shown">
            {openNotShown === 1
              ? sayInbox('notListedOne')
              : sayInbox('notListed', { count: openNotShown.toLocaleString(consoleLang()) })}{' '}
            {sayInbox('appearsWhenChanged')}
          </p>
        )}
        {loaded && rows.length === 0 && (
          <p class="quiet">{filtered ? say('noneWithFilters') : sayInbox(EMPTY_TEXT[tab])}</p>
        )}
        {rows.length > 0 && (
          <ul>
            {rows.map((entry) => (
              <li key={entry.id}>
                <Row entry={entry} isOpen={entry.id === openId} now={now} meId={me.id} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}

interface RowProps {
  entry: InboxEntry;
  isOpen: boolean;
  now: number;
  meId: string;
}

function Row({ entry, isOpen, now, meId }: RowProps) {
  const route = { page: 'inbox', conversationId: entry.id } as const;
  const last = entry.lastMessage;
  const preview =
    last === null
      ? sayInbox('noMessagesYet')
      : `${last.authorType === 'agent' ? sayInbox('agentSaid') : last.authorType === 'bot' ? sayInbox('botSaid', { bot: say('botMark') }) : ''}${last.preview}`;
  const at = last?.createdAt ?? entry.updatedAt;
  const assignee =
    entry.assigneeId === null
      ? sayConversation('unassigned')
      : entry.assigneeId === meId
        ? sayInbox('you')
        : (entry.assigneeName ?? sayInbox('assigned'));
  const onClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(route);
  };
  return (
    <a
      href={pathFor(route)}
      class={`row${isOpen ? ' open' : ''}${entry.unread > 0 ? ' unread' : ''}`}
      data-testid="conversation-row"
      data-conversation-id={entry.id}
      data-status={entry.status}
      aria-current={isOpen ? 'page' : undefined}
      onClick={onClick}
    >
      <span class="row-line">
        <span class="visitor">
          <UserText text={visitorLabel(entry.visitorName)} />
        </span>
        <time dateTime={new Date(at).toISOString()} title={new Date(at).toLocaleString()}>
          {relativeTime(at, now)}
        </time>
      </span>
      <span class="row-line">
        <span class="preview">
          <UserText text={preview} />
        </span>
        {entry.unread > 0 && (
          <>
            <span class="badge" data-testid="unread-badge">
              {entry.unread}
            </span>
            <span class="visually-hidden">{sayInbox(entry.unread === 1 ? 'unreadOne' : 'unread')}</span>
          </>
        )}
      </span>
      <span class="row-line meta">
        <span class={`pill ${entry.status}`}>
          {sayConversation(entry.status === 'resolved' ? 'resolved' : 'open')}
        </span>
        {entry.recovery && (
          <span class="recovery-mark" data-testid="recovery-mark">
            {sayRecovery('panelTitle')}
          </span>
        )}
        {entry.verification && <VerificationBadge level={entry.verification} />}
        <span>
          <UserText text={assignee} />
        </span>
        {(entry.tags ?? []).map((t) => (
          <span key={t} class="tag small">
            <UserText text={t} />
          </span>
        ))}
      </span>
    </a>
  );
}

function VerificationBadge({ level }: { level: NonNullable<InboxEntry['verification']> }) {
  const { text, label } = verificationBadge(level);
  // The row is a link: its name is its text, so the badge says "Identity: …" in words, not in a title.
  return (
    <span class={`verification ${level}`} data-testid="verification-badge" data-level={level}>
      <span class="visually-hidden">{label}</span>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}
