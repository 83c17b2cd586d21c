import { CLOSE_CODES, PROTOCOL_VERSION, type ErrorCode, type ServerFrame } from '@candor/protocol';
import { clientFrame, type helloFrame } from '@candor/protocol/schemas';
import type { z } from 'zod';
import type { Envelope } from '../bus/bus';
import type { DomainEvent } from '../domain/events';
import { DEFAULT_INBOX_ID, type Actor } from '../domain/types';
import { takeToken } from '../limits/token-bucket';
import type { AgentSession } from '../auth/agent-sessions';
import { identifyVisitor } from '../auth/visitor-identity';
import { reopenByLink } from '../commands/mail/reopen-conversation';
import { signInVisitor } from '../commands/contacts/sign-in-visitor';
import { languageOf, timeZoneOf } from '../domain/contacts/browser-facts';
import { assertMayChat } from '../domain/contacts/verification';
import { inboxSnapshot, listInbox, visitorConversations } from '../commands/read-conversations';
import type { ClientSocket } from './client-socket';
import type { Watcher } from './hub';
import type { Outbound } from './outbound';
import { topics } from './topics';
import { relayDraft, runCommand } from './command-handlers';
import { errorCodeOf } from './error-codes';
import type { RealtimeDeps } from './realtime-deps';
import { ConversationSubscriptions } from './conversation-subscriptions';
import { DraftRelay } from './draft-relay';
import { DomainError } from '../domain/errors';
import { wellFormed } from '../domain/message-body';
import { storableStrings } from '../domain/storable-text';
import { DEFAULT_VISITOR_TOKEN_IDLE_MS } from '../domain/visitor-tokens';
import { hasItem, itemsOf, withItem, withoutItem, type OneOrMany } from './one-or-many';
import type { ViewPresence } from './view-presence';
import { hoursStatus } from '../commands/hours/inbox-hours';
import { recoveryStatuses } from '../commands/recovery/recovery-case';

export type ConnectionAuth = { role: 'visitor' } | { role: 'agent'; session: AgentSession };
/** Every visitor socket's auth: one shared object rather than one per socket. */
export const VISITOR_AUTH: ConnectionAuth = Object.freeze({ role: 'visitor' });

/** Frames waiting behind the one being handled; past this the client is flooding. */
const MAX_PENDING = 64;
/** Rate-limit refusals tolerated before the socket is closed. */
const MAX_VIOLATIONS = 20;

/**
 * One client socket, after the transport accepted it: the protocol state machine. Frames are handled
 * one at a time in arrival order, so two sends from one client are stored in the order they were sent.
 *
 * Most sockets are widgets left open and idle, thousands per node: whatever only some sockets use
 * (subscriptions, drafts, a Set of topics, the command queue) is created on first use and dropped
 * when done with, so an idle socket holds little beyond its actor and its one topic.
 */
export class ClientConnection implements Watcher {
  actor: Actor | undefined;
  private followed: ConversationSubscriptions | undefined;
  private draftRelay: DraftRelay | undefined;
  /** Agents only, from their first `conversation.view`: what they have open, said to other agents. */
  viewing: ViewPresence | undefined;
  /** A visitor watches one topic (its own), so no Set until a second. */
  private topicsWatched: OneOrMany<string>;
  /** The frame rate limit's token bucket, as the time it is full again (see takeToken). */
  private framesFullAt = 0;
  /** contact.update and page.view (each a store write and an event to agents): their own bucket. */
  private contactFullAt = 0;
  /** The frame being handled and those waiting behind it; undefined when none. */
  private queue: Promise<void> | undefined;
  private pending = 0;
  private violations = 0;
  private done = false;
  private helloTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: ClientSocket,
    readonly deps: RealtimeDeps,
    readonly auth: ConnectionAuth,
  ) {
    // The connection as the timer's argument: no closure to keep per socket.
    this.helloTimer = setTimeout(helloExpired, deps.limits.helloTimeoutMs, this);
    this.helloTimer.unref();
  }

  get subscriptions(): ConversationSubscriptions {
    return (this.followed ??= new ConversationSubscriptions(this));
  }

  /** Visitors only: their drafts on the way to agents, coalesced. */
  get drafts(): DraftRelay {
    if (this.draftRelay) return this.draftRelay;
    this.draftRelay = new DraftRelay(
      (conversationId, text) => {
        const assigneeId = this.followed?.get(conversationId)?.assigneeId ?? null;
        this.deps.ctx.emit({ type: 'draft.changed', conversationId, text, assigneeId });
      },
      () => this.deps.ctx.now(),
    );
    // A socket with drafts hears of inbox policy changes, to clear them if an admin turns it off.
    void this.watch(topics.settings);
    return this.draftRelay;
  }

  /** Ends a draft, without creating a relay for a socket that never sent one (agents). */
  clearDraft(conversationId: string): void {
    this.draftRelay?.clear(conversationId);
  }

  /** A text frame, or `undefined` for a binary one: every frame takes a token, junk included. */
  receive(text: string | undefined): void {
    if (this.done) return;
    const admitted = this.takeFrameToken();
    let raw: unknown;
    try {
      raw = text === undefined ? undefined : JSON.parse(text);
    } catch {
      if (admitted) return this.sendError(undefined, 'bad_frame', 'A frame must be a JSON object.');
    }
    if (!admitted) {
      if (++this.violations > MAX_VIOLATIONS) return this.close(CLOSE_CODES.rateLimited, 'too many frames');
      // With its ref, so the client knows which command to retry later.
      return this.sendError(refOf(raw), 'rate_limited', 'Too many frames; slow down.');
    }
    if (text === undefined) return this.sendError(undefined, 'bad_frame', 'Frames are JSON text.');
    const parsed = clientFrame.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'type';
      return this.sendError(
        refOf(raw),
        'bad_frame',
        `Invalid frame at "${where}": ${issue?.message ?? 'invalid'}.`,
      );
    }
    const frame = storableStrings(parsed.data, ['ref']);
    if (frame.type === 'draft.update' && this.pending === 0 && this.actor) {
      // The most frequent frame, and it needs no I/O: with nothing queued before it, handled now
      // (order is kept all the same) rather than through the queue's promises.
      try {
        return relayDraft(this, frame, this.actor);
      } catch (err) {
        return this.fail(refOf(frame), err);
      }
    }
    this.pending++;
    this.queue = (this.queue ?? Promise.resolve())
      .then(() => (frame.type === 'hello' ? this.hello(frame) : this.command(frame)))
      .catch((err: unknown) => this.fail(refOf(frame), err))
      .finally(() => {
        // None left behind it: the chain is this one, and an idle socket keeps no settled promise.
        if (--this.pending === 0) this.queue = undefined;
      });
  }

  /** False when the frame is over the socket's rate, or too many wait ahead of it. */
  private takeFrameToken(): boolean {
    const { framesPerSecond, frameBurst } = this.deps.limits;
    const fullAt = takeToken(this.framesFullAt, this.deps.ctx.now(), framesPerSecond, frameBurst);
    if (fullAt !== undefined) this.framesFullAt = fullAt;
    return fullAt !== undefined && this.pending < MAX_PENDING;
  }

  /**
   * A contact write (page.view, contact.update) may go ahead: 1 a second, 30 at once, so browsing a
   * site is never held back but a script cannot turn its frame budget (20/s) into store writes.
   */
  takeContactToken(): boolean {
    const fullAt = takeToken(this.contactFullAt, this.deps.ctx.now(), 1, 30);
    if (fullAt === undefined) return false;
    this.contactFullAt = fullAt;
    return true;
  }

  /** The transport saw the socket close. Idempotent. */
  closed(): void {
    if (this.done && this.topicsWatched === undefined) return;
    this.done = true;
    this.helloDone();
    this.draftRelay?.clearAll(); // a visitor who left is no longer typing
    if (this.auth.role === 'agent' && this.actor)
      this.deps.presence?.disconnected(this.auth.session.agent.id);
    this.viewing?.leave(); // an agent who left is no longer viewing
    const watched = itemsOf(this.topicsWatched);
    this.topicsWatched = undefined;
    for (const topic of watched) this.deps.hub.unwatch(topic, this);
    this.followed?.clear();
  }

  close(code: number, reason: string): void {
    if (this.done) return;
    this.socket.close(code, reason);
    this.closed();
  }

  /** Frames received and not yet answered. */
  get pendingCommands(): number {
    return this.pending;
  }

  /** Commands still running: shutdown waits for them so nothing acknowledged is cut short. */
  drained(): Promise<void> {
    return this.queue ?? Promise.resolve();
  }

  deliver(envelope: Envelope, outbound: Outbound): void {
    const { event } = envelope;
    switch (event.type) {
      case 'message.created':
        if (this.followed?.has(event.message.conversationId)) {
          this.deps.metrics?.delivered(event.message.createdAt, Date.now());
        }
        return this.followed?.live(event.message, outbound.text);
      case 'typing.changed': {
        const me = this.actor?.kind === 'visitor' ? this.actor.visitorId : this.actor?.agentId;
        if (event.author.type === this.actor?.kind && event.author.id === me) return; // all but the typer
        if (this.followed?.has(event.conversationId)) this.sendText(outbound.text);
        return;
      }
      case 'conversation.updated':
        this.followed?.note(event.conversation);
        if (!event.conversation.preview.enabled) this.clearDraft(event.conversation.id);
        return this.sendText(outbound.text);
      case 'draft.changed': {
        // Drafts reach the assignee and watching admins only, and only on a followed conversation.
        const actor = this.actor;
        if (actor?.kind !== 'agent' || !this.followed?.has(event.conversationId)) return;
        if (actor.role === 'admin' || actor.agentId === event.assigneeId) this.sendText(outbound.text);
        return;
      }
      case 'viewing.changed': {
        // Agents only (never a visitor), on a followed conversation, and not the viewer's own sockets.
        const actor = this.actor;
        if (actor?.kind !== 'agent' || actor.agentId === event.agent.id) return;
        if (!this.followed?.has(event.conversationId)) return;
        this.sendText(outbound.text);
        if (event.viewing && !event.answer) this.viewing?.answer(event.conversationId);
        return;
      }
      case 'conversation.seen':
        // On the visitor's topic: read receipts are for the visitor's tabs.
        if (this.actor?.kind === 'visitor') this.sendText(outbound.text);
        return;
      case 'draft.requested':
        return this.draftRelay?.reshow(event.conversationId); // visitors' sockets only have one
      case 'sessions.ended':
        // Watched on the agent's topic: only this agent's sockets hear it.
        if (this.auth.role === 'agent' && (event.sessionIds?.includes(this.auth.session.sessionId) ?? true)) {
          this.close(CLOSE_CODES.loggedOut, 'session ended');
        }
        return;
      case 'agent.role_changed':
        return this.close(CLOSE_CODES.roleChanged, 'role changed');
      case 'inbox.updated':
        // Watched by visitors following a conversation: an admin changed a policy; previews follow.
        if (this.actor?.kind === 'visitor') this.followed?.policyChanged(event.inbox, event.previousPolicy);
        return;
      case 'redaction_rules.changed':
      case 'agent.renamed':
      case 'articles.changed':
        return; // node-wide settings, not for sockets
      case 'conversation.assigned':
        if (this.actor?.kind === 'agent') this.sendText(outbound.text);
        return;
      case 'conversation.transferred':
        // Agents get the note; a visitor only ever a neutral line, built here without it.
        if (this.actor?.kind === 'agent') return this.sendText(outbound.text);
        if (this.actor?.kind === 'visitor' && this.actor.visitorId === event.visitorId)
          this.send({ type: 'conversation.handed_over', conversationId: event.conversationId });
        return;
      case 'queue.changed':
        if (this.actor?.kind === 'visitor') this.followed?.queueMoved(event);
        return;
      case 'note.created':
      case 'activity.recorded':
        // Private to agents: on a conversation topic that visitors follow too, so the role decides.
        if (this.auth.role !== 'agent' || this.actor?.kind !== 'agent') return;
        if (this.followed?.has(conversationOf(event))) this.sendText(outbound.text);
        return;
      case 'tags.changed':
      case 'routing.changed':
      case 'agent.status_changed':
        // Inbox topics are watched by agents only; checked all the same, tags are never a visitor's.
        if (this.auth.role === 'agent' && this.actor?.kind === 'agent') this.sendText(outbound.text);
        return;
      case 'contact.changed':
        // Agents of the inbox only; the settings topic carries it for the nodes' name caches.
        if (this.actor?.kind === 'agent' && envelope.topic.startsWith('inbox:')) this.sendText(outbound.text);
        return;
      case 'contact.requested':
        // Watched on the visitor's topic: every tab of that visitor shows the form.
        if (this.actor?.kind === 'visitor') this.sendText(outbound.text);
        return;
      case 'recovery.changed':
        // Agents (on the inbox topic) the bare change; the visitor only their own state, never more.
        if (this.auth.role === 'agent' && this.actor?.kind === 'agent') return this.sendText(outbound.text);
        if (this.actor?.kind === 'visitor' && this.actor.visitorId === event.visitorId && event.state)
          this.send({ type: 'recovery.status', conversationId: event.conversationId, state: event.state });
        return;
    }
  }

  resync(): void {
    this.followed?.resync();
    const actor = this.actor;
    const watched = this.topicsWatched;
    // Inbox updates may have been missed too: a fresh snapshot replaces the agent's list.
    if (actor?.kind === 'agent' && actor.inboxIds.some((id) => hasItem(watched, topics.inbox(id)))) {
      listInbox(this.deps.ctx, actor).then(
        (inbox) => this.send(inboxSnapshot(inbox)),
        (err: unknown) => this.deps.log.error({ err: String(err) }, 'inbox resync failed'),
      );
    }
  }

  watch(topic: string): Promise<void> {
    this.topicsWatched = withItem(this.topicsWatched, topic);
    return this.deps.hub.watch(topic, this);
  }

  unwatch(topic: string): void {
    if (!hasItem(this.topicsWatched, topic)) return;
    this.topicsWatched = withoutItem(this.topicsWatched, topic);
    this.deps.hub.unwatch(topic, this);
  }

  send(frame: ServerFrame): void {
    this.sendText(JSON.stringify(frame));
  }

  sendText(text: string): void {
    if (this.done) return;
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      // A client that does not read would make us buffer without bound; it resumes by seq later.
      return this.close(CLOSE_CODES.tryAgainLater, 'slow consumer');
    }
    this.socket.send(text);
  }

  sendError(
    ref: string | undefined,
    code: ErrorCode,
    message: string | Omit<ReturnType<typeof errorCodeOf>, 'code'>,
  ): void {
    this.deps.metrics?.error(code);
    const detail = typeof message === 'string' ? { message } : message;
    this.send({ type: 'error', ...(ref ? { ref } : {}), code, ...detail });
  }

  private async hello(frame: z.infer<typeof helloFrame>): Promise<void> {
    if (this.actor) return this.sendError(undefined, 'bad_frame', 'hello was already received.');
    if (frame.protocol !== PROTOCOL_VERSION) {
      this.sendError(undefined, 'unsupported_version', `This server speaks protocol ${PROTOCOL_VERSION}.`);
      return this.close(CLOSE_CODES.unsupportedVersion, 'unsupported protocol version');
    }
    const { ctx } = this.deps;
    if (this.auth.role === 'agent') {
      const { agent, actor } = this.auth.session;
      await this.watch(topics.agent(agent.id));
      await this.watch(topics.agents);
      if (this.done) return; // closed while watching: never counted, so never uncounted
      this.actor = actor;
      this.deps.presence?.connected(agent.id);
      const { passwordHash: _, ...publicAgent } = agent;
      this.helloDone();
      return this.send({
        type: 'welcome',
        protocol: PROTOCOL_VERSION,
        role: 'agent',
        agent: publicAgent,
        conversations: [],
        serverTime: ctx.now(),
      });
    }
    const identified = await this.identifyVisitor(frame).catch((err: unknown) => {
      if (!(err instanceof DomainError)) throw err;
      if (err.code === 'rate_limited') {
        // Said once, without a ref (hello has none), then closed: the widget retries after retryAfterMs.
        this.fail(undefined, err);
        return this.close(CLOSE_CODES.rateLimited, 'too many new visitors');
      }
      if (!err.code.startsWith('identity_')) throw err;
      // The code says why (expired, replayed, required...); the widget does not send that token again.
      this.fail(undefined, err);
      this.close(CLOSE_CODES.identityRefused, 'identity refused');
    });
    if (!identified) return;
    const { visitor, newToken } = identified;
    await ctx.store.noteBrowser(visitor.id, {
      language: languageOf(frame.language),
      timeZone: timeZoneOf(frame.timeZone),
    });
    const actor = { kind: 'visitor' as const, visitorId: visitor.id };
    await this.watch(topics.visitor(visitor.id));
    this.actor = actor;
    this.helloDone();
    const contact = ctx.settings.contact(DEFAULT_INBOX_ID);
    const hours = await hoursStatus(ctx, DEFAULT_INBOX_ID);
    const conversations = await visitorConversations(ctx, actor);
    this.send({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'visitor',
      preview: { policy: ctx.settings.policy(DEFAULT_INBOX_ID) },
      redactionRules: [...ctx.settings.rules],
      visitor: {
        id: visitor.id,
        name: visitor.name,
        token: newToken,
        verification: visitor.verification ?? 'anonymous',
      },
      conversations,
      serverTime: ctx.now(),
      preChatForm: { enabled: contact.preChatEnabled, requireEmail: contact.preChatRequireEmail },
      ...(hours ? { hours } : {}),
      // Said before the bot's first answer: the widget tells the visitor who answers.
      ...(ctx.settings.botEnabled(DEFAULT_INBOX_ID) ? { bot: { enabled: true } } : {}),
      ...(ctx.site ? { site: await ctx.site.welcome() } : {}),
    });
    // An open account-recovery conversation: its state again (a code on its way, proven), after welcome.
    for (const status of await recoveryStatuses(ctx, conversations)) this.send(status);
  }

  /**
   * Who this visitor is: signed by the site's token, or resumed by their visitor token, or new. An
   * inbox that enforces identity admits signed visitors only (domain/contacts/verification.ts).
   */
  private async identifyVisitor(frame: z.infer<typeof helloFrame>) {
    const { ctx } = this.deps;
    const locale = frame.locale ? wellFormed(frame.locale) : null;
    if (frame.identityToken !== undefined)
      return signInVisitor(ctx, frame.identityToken, { inboxId: DEFAULT_INBOX_ID, locale });
    const policy = { enforce: ctx.settings.contact(DEFAULT_INBOX_ID).identityEnforce };
    if (frame.reopenToken !== undefined) {
      // A reply email's link; refused, the visitor is told and goes on as they were.
      const reopened = await reopenByLink(ctx, frame.reopenToken).catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'link_expired') return this.fail(undefined, err);
        throw err;
      });
      if (reopened) {
        assertMayChat(reopened.visitor.verification ?? 'anonymous', policy);
        return reopened;
      }
    }
    const identified = await identifyVisitor(ctx.store, frame.visitorToken, {
      locale,
      now: ctx.now(),
      idleMs: this.deps.limits.visitorTokenIdleMs ?? DEFAULT_VISITOR_TOKEN_IDLE_MS,
      beforeCreate: () => {
        assertMayChat('anonymous', policy); // refused before a visitor row is written
        return this.admitNewVisitor();
      },
    });
    assertMayChat(identified.visitor.verification ?? 'anonymous', policy);
    return identified;
  }

  /** The client's address, as the transport saw it. */
  get ip(): string | undefined {
    return this.socket.ip || undefined;
  }

  private async admitNewVisitor(): Promise<void> {
    const { ip } = this;
    if (ip !== undefined) await this.deps.ctx.anonymousLimits?.admitVisitor(ip, this.deps.ctx.now());
  }

  private async command(frame: Parameters<typeof runCommand>[1]): Promise<void> {
    if (!this.actor) return this.sendError(refOf(frame), 'not_ready', 'Send hello first.');
    await runCommand(this, frame, this.actor);
  }

  /** Timer cleared and its reference dropped: a cleared Timeout is still ~200 bytes. */
  private helloDone(): void {
    clearTimeout(this.helloTimer);
    this.helloTimer = undefined;
  }

  private fail(ref: string | undefined, err: unknown): void {
    const { code, ...detail } = errorCodeOf(err);
    if (code === 'internal' || code === 'unavailable') {
      this.deps.log.error({ err: errorSummary(err) }, 'command failed');
    }
    this.sendError(ref, code, detail);
  }
}

function conversationOf(event: Extract<DomainEvent, { type: 'note.created' | 'activity.recorded' }>) {
  return event.type === 'note.created' ? event.note.conversationId : event.activity.conversationId;
}

function helloExpired(connection: ClientConnection): void {
  connection.close(CLOSE_CODES.unauthenticated, 'no hello');
}

function refOf(frame: unknown): string | undefined {
  if (typeof frame !== 'object' || frame === null || !('ref' in frame)) return undefined;
  const ref = frame.ref;
  return typeof ref === 'string' && ref.length <= 64 ? ref : undefined;
}

/** Logs carry the error's kind and message, never a frame (which may hold a message body). */
function errorSummary(err: unknown): { name: string; message: string; stack?: string } {
  return err instanceof Error
    ? { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) }
    : { name: 'unknown', message: String(err) };
}
