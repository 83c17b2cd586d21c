/** One conversation: who and in what state, its messages, and the reply box. */
import type { LiveSession, LiveState } from '../live/session';
import { pendingFor } from '../live/outbox';
import { emptyTimeline } from '../live/timeline';
import { shownDraft } from '../live/visitor-drafts';
import { MessageList } from './message-list';
import { ReplyBox } from './reply-box';
import { PreviewPill, VisitorDraft } from './typing-preview';
import { UserText } from './user-text';
import { Collision } from './collision';
import { RoutingControls } from './routing-controls';
import { visibleControls } from '@candor/protocol';
import { api, ApiError } from '../api';
import { errorText } from '../error-text';
import { noExtras } from '../live/agent-extras';
import { TagEditor } from './tag-editor';
import { navigate } from '../route';
import { useState } from 'preact/hooks';
import { preferredLocale } from '../canned-picker';
import { sayRecovery } from '../recovery/recovery-text';
import { sayConversation } from '../conversation-text';
import { visitorLabel } from '../visitor-label';

/** REST failures as the agent reads them. */
function readable(err: unknown): Error {
  return new Error(
    err instanceof ApiError ? errorText(err.code, err.message) : sayConversation('notSavedTryAgain'),
  );
}

interface Props {
  conversationId: string;
  session: LiveSession;
  state: LiveState;
  /** This agent's unsent replies, by conversation (not the visitor's drafts: those are live state). */
  replyDrafts: Map<string, string>;
}

export function ConversationView({ conversationId: id, session, state, replyDrafts }: Props) {
  const me = session.me;
  // The visitor's language puts canned responses in it first; read with them, when the picker opens.
  const [visitorLocale, setVisitorLocale] = useState<'en' | 'fr' | null>(null);
  const entry = state.inbox[id];
  const timeline = state.timelines[id] ?? emptyTimeline;
  const visitorDraft = shownDraft(state.visitorDrafts, id);
  const notice = state.notice?.conversationId === id ? state.notice : null;
  // Commands need the socket; replies do not, they wait in the outbox.
  const canAct = state.status === 'online' && !state.busy[id] && entry !== undefined;
  const offlineHint = state.status === 'online' ? undefined : sayConversation('availableOnceReconnected');

  const assignee =
    entry === undefined || entry.assigneeId === null
      ? sayConversation('unassigned')
      : entry.assigneeId === me.id
        ? sayConversation('assignedToYou')
        : sayConversation('assignedTo', { name: entry.assigneeName ?? sayConversation('anotherAgent') });

  return (
    <main class="conversation" aria-labelledby="conversation-title">
      <header class="conversation-head">
        <a
          class="back"
          href="/console"
          data-testid="back-to-list"
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate({ page: 'inbox', conversationId: null });
          }}
        >
          {sayConversation('back')}
        </a>
        <div class="conversation-title">
          <h2 id="conversation-title">
            <UserText text={entry ? visitorLabel(entry.visitorName) : sayConversation('conversation')} />
          </h2>
          {entry && (
            <p class="meta">
              <span class={`pill ${entry.status}`} data-testid="status" data-status={entry.status}>
                {sayConversation(entry.status === 'resolved' ? 'resolved' : 'open')}
              </span>
              <span data-testid="assignee">
                <UserText text={assignee} />
              </span>
              <PreviewPill preview={entry.preview} />
              {entry.recovery && (
                <span class="recovery-mark" data-testid="recovery-mark">
                  {sayRecovery('panelTitle')}
                </span>
              )}
            </p>
          )}
          {entry && (
            <TagEditor
              tags={entry.tags ?? []}
              onChange={async (tags) => {
                try {
                  session.conversationChanged((await api.setTags(id, tags)).conversation);
                } catch (err) {
                  throw readable(err);
                }
              }}
            />
          )}
          {entry && entry.status === 'open' && (
            <RoutingControls
              conversationId={id}
              priority={entry.priority ?? 'normal'}
              requiredSkills={entry.requiredSkills ?? []}
              statuses={state.agentStatus}
              assigneeId={entry.assigneeId}
              meId={me.id}
              disabled={state.status !== 'online'}
            />
          )}
        </div>
        {entry && (
          <div class="actions">
            {entry.assigneeId === me.id ? (
              <button
                type="button"
                data-testid="unassign"
                disabled={!canAct}
                title={offlineHint}
                onClick={() => session.assign(id, null)}
              >
                {sayConversation('unassign')}
              </button>
            ) : (
              <button
                type="button"
                data-testid="assign-me"
                disabled={!canAct}
                title={offlineHint}
                onClick={() => session.assign(id, me.id)}
              >
                {sayConversation('assignToMe')}
              </button>
            )}
            {entry.status === 'open' ? (
              <button
                type="button"
                class="primary"
                data-testid="resolve"
                disabled={!canAct}
                title={offlineHint}
                onClick={() => session.resolve(id)}
              >
                {sayConversation('resolve')}
              </button>
            ) : (
              <button
                type="button"
                data-testid="reopen"
                disabled={!canAct}
                title={offlineHint}
                onClick={() => session.reopen(id)}
              >
                {sayConversation('reopen')}
              </button>
            )}
          </div>
        )}
      </header>
      {notice && (
        <div class="notice" role="alert">
          {notice.text}
          <button type="button" class="link" onClick={() => session.dismissNotice()}>
            {sayConversation('dismiss')}
          </button>
        </div>
      )}
      <MessageList
        messages={timeline.messages}
        pending={pendingFor(state.outbox, id)}
        loading={!timeline.loaded && notice === null}
        myName={me.name}
        onRetry={(key) => session.retry(key)}
        onDiscard={(key) => session.discard(key)}
        onSendAnyway={entry?.recovery ? undefined : (key) => session.sendAnyway(key)}
        extras={state.extras[id] ?? noExtras}
        meId={me.id}
      />
      {visitorDraft !== null && <VisitorDraft text={visitorDraft} />}
      <div class="typing" aria-live="polite">
        {state.visitorTyping[id] && (
          <span data-testid="typing-indicator">{sayConversation('visitorTyping')}</span>
        )}
      </div>
      <Collision viewers={state.viewers[id] ?? []} typing={state.agentsTyping[id] ?? []} />
      <ReplyBox
        label={sayConversation('replyTo', {
          name: visibleControls(entry ? visitorLabel(entry.visitorName) : sayConversation('theVisitor')),
        })}
        draft={replyDrafts.get(id) ?? ''}
        onDraft={(text) => (text ? replyDrafts.set(id, text) : replyDrafts.delete(id))}
        onTyping={() => session.typing(id)}
        onSend={(body) => session.send(id, body)}
        onNote={async (body) => {
          try {
            session.noteAdded((await api.addNote(id, body)).note);
          } catch (err) {
            throw readable(err);
          }
        }}
        loadCanned={async () => {
          const [{ cannedResponses }, contact] = await Promise.all([
            api.listCannedResponses(),
            api.contactOf(id).catch(() => null), // no language known: no preference
          ]);
          setVisitorLocale(preferredLocale(contact?.contact.language));
          return cannedResponses;
        }}
        variables={{ visitorName: entry?.visitorName ?? '', agentName: me.name }}
        preferLocale={visitorLocale}
        assignedToOther={
          entry?.assigneeId != null && entry.assigneeId !== me.id
            ? (entry.assigneeName ?? sayConversation('anotherAgent'))
            : null
        }
      />
    </main>
  );
}
