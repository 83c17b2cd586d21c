/**
 * Replies by email to a visitor who has left: a listener on domain events (like metrics). An agent's
 * message to a conversation whose visitor has no live socket starts a short wait; every reply within it
 * joins the same email. When the wait ends, if the visitor is still away and has an email address,
 * the agents' messages since the first one (as stored: secrets masked; notes and drafts are never
 * messages) are sent with a link that reopens the conversation (domain/mail/reopen-link.ts).
 *
 * Per message this costs a Map lookup and the presence check, both in memory: nothing on the message
 * path reads the store. Presence is this node's sockets: the node that stored the reply decides.
 */
import { hashToken, newToken } from '../../auth/tokens';
import type { DomainEvent } from '../../domain/events';
import { mailLanguage } from '../../domain/mail/mail-texts';
import { reopenLink, REOPEN_TOKEN_TTL_MS } from '../../domain/mail/reopen-link';
import { replyMail, MAIL_MESSAGES_MAX } from '../../domain/mail/visitor-mail';
import type { MailQueue } from '../../mail/mail-queue';
import type { ChatContext } from '../context';

/** Replies within this time of the first make one email. */
export const DEFAULT_COALESCE_MS = 3 * 60_000;

export interface ReplyMailDeps {
  ctx: () => ChatContext;
  queue: MailQueue;
  /** Has this visitor a live socket (on this node)? */
  visitorOnline: (visitorId: string) => boolean;
  /** May the widget run on this origin (configured origins only, never a wildcard)? */
  allowedOrigin: (origin: string) => boolean;
  /** Candor's own page embedding the widget. */
  candorPage: () => string;
  onError: (err: unknown, what: string) => void;
  coalesceMs?: number;
}

interface Pending {
  visitorId: string;
  /** The first reply's seq: the email holds agents' messages from it on. */
  fromSeq: number;
  timer: NodeJS.Timeout;
}

export class ReplyMail {
  private readonly pending = new Map<string, Pending>();
  /** Flushes running now, so stop() can wait for them. */
  private readonly flushing = new Set<Promise<void>>();

  constructor(private readonly deps: ReplyMailDeps) {}

  readonly onEvent = (event: DomainEvent): void => {
    if (event.type !== 'message.created' || event.message.author.type !== 'agent') return;
    const conversationId = event.message.conversationId;
    if (this.pending.has(conversationId)) return; // joins the email already planned
    const { visitorId } = event.conversation;
    if (this.deps.visitorOnline(visitorId)) return;
    const timer = setTimeout(() => this.flush(conversationId), this.deps.coalesceMs ?? DEFAULT_COALESCE_MS);
    timer.unref();
    this.pending.set(conversationId, { visitorId, fromSeq: event.message.seq, timer });
  };

  /** Sends what is planned now (shutdown), then stops. */
  async stop(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.flush(id);
    await Promise.all([...this.flushing]);
  }

  private flush(conversationId: string): void {
    const p = this.pending.get(conversationId);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(conversationId);
    const run = this.send(conversationId, p)
      .catch((err: unknown) => this.deps.onError(err, 'reply email'))
      .finally(() => this.flushing.delete(run));
    this.flushing.add(run);
  }

  private async send(conversationId: string, p: Pending): Promise<void> {
    // Back meanwhile: they read the replies in the chat.
    if (this.deps.visitorOnline(p.visitorId)) return;
    const ctx = this.deps.ctx();
    const contact = await ctx.store.findContact(p.visitorId);
    if (!contact?.email) return;
    const messages = await ctx.store.listMessages(conversationId, p.fromSeq - 1, MAIL_MESSAGES_MAX);
    const replies = messages.filter((m) => m.authorType === 'agent');
    if (replies.length === 0) return;
    const now = ctx.now();
    // A signed visitor's identity is their account on the site: no link may stand for it.
    const token = contact.verification === 'signed' ? null : newToken();
    if (token !== null)
      await ctx.store.createReopenToken({
        tokenHash: hashToken(token),
        visitorId: p.visitorId,
        conversationId,
        expiresAt: now + REOPEN_TOKEN_TTL_MS,
        now,
      });
    const visible = await Promise.all(
      replies.map(async (m) => ({
        authorType: m.authorType,
        authorName: m.authorId ? await ctx.names.agent(m.authorId) : '',
        body: m.body,
        createdAt: m.createdAt,
      })),
    );
    const visitor = await ctx.store.findVisitorById(p.visitorId);
    const language = mailLanguage(visitor?.locale, contact.language);
    const link = reopenLink(token, {
      pages: await ctx.store.listPages(p.visitorId, 5),
      allowedOrigin: this.deps.allowedOrigin,
      candorPage: this.deps.candorPage(),
    });
    await this.deps.queue.enqueue('reply', { to: contact.email, ...replyMail(language, visible, link) });
  }
}
