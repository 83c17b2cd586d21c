import { CLOSE_CODES, PROTOCOL_VERSION, type ErrorCode, type ServerFrame } from '@candor/protocol';
import { clientFrame, type helloFrame } from '@candor/protocol/schemas';
import type { z } from 'zod';
import type { Envelope } from '../bus/bus';
import { DEFAULT_INBOX_ID, type Actor } from '../domain/types';
import { TokenBucket } from '../limits/token-bucket';
import type { AgentSession } from '../auth/agent-sessions';
import { identifyVisitor } from '../auth/visitor-identity';
import { listInbox, visitorConversations } from '../commands/read-conversations';
import type { ClientSocket } from './client-socket';
import type { Watcher } from './hub';
import type { Outbound } from './outbound';
import { topics } from './topics';
import { runCommand } from './command-handlers';
import { errorCodeOf } from './error-codes';
import type { RealtimeDeps } from './realtime-deps';
import { ConversationSubscriptions } from './conversation-subscriptions';
import { DraftRelay } from './draft-relay';
import { wellFormed } from '../domain/message-body';

export type ConnectionAuth = { role: 'visitor' } | { role: 'agent'; session: AgentSession };

/** Frames waiting behind the one being handled; past this the client is flooding. */
const MAX_PENDING = 64;
/** Rate-limit refusals tolerated before the socket is closed. */
const MAX_VIOLATIONS = 20;

/**
 * One client socket, after the transport accepted it: the protocol state machine. Frames are handled
 * one at a time in arrival order, so two sends from one client are stored in the order they were sent.
 */
export class ClientConnection implements Watcher {
  actor: Actor | undefined;
  readonly subscriptions: ConversationSubscriptions;
  /** Visitors only: their drafts on the way to agents, coalesced. */
  readonly drafts: DraftRelay;
  private readonly topicsWatched = new Set<string>();
  private readonly bucket: TokenBucket;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private violations = 0;
  private done = false;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: ClientSocket,
    readonly deps: RealtimeDeps,
    readonly auth: ConnectionAuth,
  ) {
    const { limits } = deps;
    this.bucket = new TokenBucket(limits.framesPerSecond, limits.frameBurst, deps.ctx.now());
    this.subscriptions = new ConversationSubscriptions(this);
    this.drafts = new DraftRelay(
      (conversationId, text) => {
        const assigneeId = this.subscriptions.get(conversationId)?.assigneeId ?? null;
        deps.ctx.emit({ type: 'draft.changed', conversationId, text, assigneeId });
      },
      () => deps.ctx.now(),
    );
    this.helloTimer = setTimeout(
      () => this.close(CLOSE_CODES.unauthenticated, 'no hello'),
      limits.helloTimeoutMs,
    );
    this.helloTimer.unref();
  }

  receive(text: string): void {
    if (this.done) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return this.sendError(undefined, 'bad_frame', 'A frame must be a JSON object.');
    }
    if (!this.bucket.take(this.deps.ctx.now()) || this.pending >= MAX_PENDING) {
      if (++this.violations > MAX_VIOLATIONS) return this.close(CLOSE_CODES.rateLimited, 'too many frames');
      // With its ref, so the client knows which command to retry later.
      return this.sendError(refOf(raw), 'rate_limited', 'Too many frames; slow down.');
    }
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
    const frame = parsed.data;
    this.pending++;
    this.queue = this.queue
      .then(() => (frame.type === 'hello' ? this.hello(frame) : this.command(frame)))
      .catch((err: unknown) => this.fail(refOf(frame), err))
      .finally(() => this.pending--);
  }

  /** The transport saw the socket close. Idempotent. */
  closed(): void {
    if (this.done && this.topicsWatched.size === 0) return;
    this.done = true;
    clearTimeout(this.helloTimer);
    this.drafts.clearAll(); // a visitor who left is no longer typing
    for (const topic of this.topicsWatched) this.deps.hub.unwatch(topic, this);
    this.topicsWatched.clear();
    this.subscriptions.clear();
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
    return this.queue;
  }

  deliver(envelope: Envelope, outbound: Outbound): void {
    const { event } = envelope;
    switch (event.type) {
      case 'message.created':
        if (this.subscriptions.has(event.message.conversationId)) {
          this.deps.metrics?.delivered(event.message.createdAt, Date.now());
        }
        return this.subscriptions.live(event.message, outbound.text);
      case 'typing.changed': {
        const me = this.actor?.kind === 'visitor' ? this.actor.visitorId : this.actor?.agentId;
        if (event.author.type === this.actor?.kind && event.author.id === me) return; // all but the typer
        if (this.subscriptions.has(event.conversationId)) this.sendText(outbound.text);
        return;
      }
      case 'conversation.updated':
        this.subscriptions.note(event.conversation);
        if (!event.conversation.preview.enabled) this.drafts.clear(event.conversation.id);
        return this.sendText(outbound.text);
      case 'draft.changed': {
        // Drafts reach the assignee and watching admins only, and only on a followed conversation.
        const actor = this.actor;
        if (actor?.kind !== 'agent' || !this.subscriptions.has(event.conversationId)) return;
        if (actor.role === 'admin' || actor.agentId === event.assigneeId) this.sendText(outbound.text);
        return;
      }
      case 'agent.logged_out':
        if (this.auth.role === 'agent' && this.auth.session.sessionId === event.sessionId) {
          this.close(CLOSE_CODES.loggedOut, 'logged out');
        }
        return;
      case 'inbox.updated':
      case 'redaction_rules.changed':
        return; // node-wide settings, not for sockets
    }
  }

  resync(): void {
    this.subscriptions.resync();
    const actor = this.actor;
    // Inbox updates may have been missed too: a fresh snapshot replaces the agent's list.
    if (actor?.kind === 'agent' && actor.inboxIds.some((id) => this.topicsWatched.has(topics.inbox(id)))) {
      listInbox(this.deps.ctx, actor).then(
        (conversations) => this.send({ type: 'inbox.snapshot', conversations }),
        (err: unknown) => this.deps.log.error({ err: String(err) }, 'inbox resync failed'),
      );
    }
  }

  watch(topic: string): Promise<void> {
    this.topicsWatched.add(topic);
    return this.deps.hub.watch(topic, this);
  }

  unwatch(topic: string): void {
    if (this.topicsWatched.delete(topic)) this.deps.hub.unwatch(topic, this);
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

  sendError(ref: string | undefined, code: ErrorCode, message: string): void {
    this.deps.metrics?.error(code);
    this.send({ type: 'error', ...(ref ? { ref } : {}), code, message });
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
      this.actor = actor;
      const { passwordHash: _, ...publicAgent } = agent;
      clearTimeout(this.helloTimer);
      return this.send({
        type: 'welcome',
        protocol: PROTOCOL_VERSION,
        role: 'agent',
        agent: publicAgent,
        conversations: [],
        serverTime: ctx.now(),
      });
    }
    const { visitor, newToken } = await identifyVisitor(ctx.store, frame.visitorToken, {
      locale: frame.locale ? wellFormed(frame.locale) : null,
      now: ctx.now(),
    });
    const actor = { kind: 'visitor' as const, visitorId: visitor.id };
    await this.watch(topics.visitor(visitor.id));
    this.actor = actor;
    clearTimeout(this.helloTimer);
    this.send({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'visitor',
      preview: { policy: ctx.settings.policy(DEFAULT_INBOX_ID) },
      redactionRules: [...ctx.settings.rules],
      visitor: { id: visitor.id, name: visitor.name, ...(newToken ? { token: newToken } : {}) },
      conversations: await visitorConversations(ctx, actor),
      serverTime: ctx.now(),
    });
  }

  private async command(frame: Parameters<typeof runCommand>[1]): Promise<void> {
    if (!this.actor) return this.sendError(refOf(frame), 'not_ready', 'Send hello first.');
    await runCommand(this, frame, this.actor);
  }

  private fail(ref: string | undefined, err: unknown): void {
    const { code, message } = errorCodeOf(err);
    if (code === 'internal' || code === 'unavailable') {
      this.deps.log.error({ err: errorSummary(err) }, 'command failed');
    }
    this.sendError(ref, code, message);
  }
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
