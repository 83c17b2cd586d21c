import {
  LIMITS,
  type Conversation,
  type Inbox,
  type Message,
  type PreviewPolicy,
  type WaitEstimate,
} from '@candor/protocol';
import { history } from '../commands/read-conversations';
import { loadReadable } from '../commands/load-conversation';
import { presentMessages } from '../commands/presenters';
import { ConversationFeed } from './conversation-feed';
import type { ClientConnection } from './connection';
import { topics } from './topics';
import { voidsSwitches } from '../domain/preview-policy';

/** What the hot paths (typing, drafts) need to know of a followed conversation, kept fresh by events. */
export interface FollowedConversation {
  inboxId: string;
  assigneeId: string | null;
  /** The visitor's switch combined with the inbox policy, as last presented. */
  previewEnabled: boolean;
  /** Open and unassigned: the visitor is told its queue position. */
  waiting: boolean;
}

interface Followed {
  feed: ConversationFeed;
  /** Set once the history page was read; until then typing and drafts are refused. */
  view: FollowedConversation | undefined;
}

/** Conversations one connection follows live; each has a feed that keeps seqs gapless. */
export class ConversationSubscriptions {
  /** One map for feed and view: a Map costs ~200 bytes even empty, and every follower holds one. */
  private readonly followed = new Map<string, Followed>();

  constructor(private readonly connection: ClientConnection) {}

  has(conversationId: string): boolean {
    return this.followed.has(conversationId);
  }

  get(conversationId: string): FollowedConversation | undefined {
    return this.followed.get(conversationId)?.view;
  }

  /** A newer view of a followed conversation arrived (assignment, preview switch, status). */
  note(conversation: Conversation): void {
    const followed = this.followed.get(conversation.id);
    if (followed?.view) followed.view = viewOf(conversation);
  }

  /**
   * An admin changed an inbox's policy: the views of its conversations follow at once (a tightened
   * policy turned the switches off, so drafts are refused), agents' views of a draft are cleared, and
   * the visitor is told.
   */
  policyChanged(inbox: Inbox, previousPolicy: PreviewPolicy | undefined): void {
    const policy = inbox.previewPolicy;
    const voided = previousPolicy !== undefined && voidsSwitches(previousPolicy, policy);
    for (const [conversationId, { view }] of this.followed) {
      if (view?.inboxId !== inbox.id) continue;
      if (voided || policy === 'off') view.previewEnabled = false;
      if (!view.previewEnabled) this.connection.clearDraft(conversationId);
      const preview = { policy, enabled: view.previewEnabled };
      this.connection.send({ type: 'preview.updated', conversationId, preview });
    }
  }

  /**
   * Watch first, then read: anything stored after the read is caught live, anything before it is in
   * the history page; the feed drops the overlap.
   */
  async subscribe(conversationId: string, afterSeq: number, ref: string | undefined): Promise<void> {
    const c = this.connection;
    const actor = c.actor!;
    const { ctx, log } = c.deps;
    // Authorise before watching, so nobody listens in on a conversation they may not read.
    await loadReadable(ctx, actor, conversationId);
    const feed = new ConversationFeed(
      afterSeq,
      (text) => c.sendText(text),
      async (seq) => {
        // Authorised at subscribe: a heal needs the missing messages only, not history()'s
        // access check and presentation (four queries instead of one, on the path that runs for
        // every feed of the node after a bus outage).
        const read = () => ctx.store.listMessages(conversationId, seq, LIMITS.historyPageMax);
        const rows = await (c.deps.heals ? c.deps.heals.run(read) : read());
        return presentMessages(ctx, rows);
      },
      (err) => log.error({ err: String(err) }, 'feed heal failed'),
    );
    const previous = this.followed.get(conversationId);
    previous?.feed.dispose(); // a resubscribe replaces the old feed, and keeps its view until read
    this.followed.set(conversationId, { feed, view: previous?.view });
    await c.watch(topics.conversation(conversationId));
    // A visitor following a conversation hears of policy changes, to be told of them at once.
    if (actor.kind === 'visitor') await c.watch(topics.settings);
    const page = await history(ctx, actor, conversationId, { afterSeq });
    const followed = this.followed.get(conversationId);
    if (followed) followed.view = viewOf(page.conversation);
    c.send({ type: 'conversation.history', ...(ref ? { ref } : {}), ...page });
    if (followed?.feed === feed) feed.replayed(page.messages.at(-1)?.seq ?? afterSeq, page.complete);
    // A waiting visitor hears where they stand: the queue's topic first, then the position read.
    if (actor.kind === 'visitor' && ctx.routing) {
      await c.watch(topics.queue(page.conversation.inboxId));
      if (followed?.view?.waiting) {
        const standing = await ctx.routing.standing(page.conversation.inboxId, conversationId);
        c.send({ type: 'queue.position', conversationId, ...standing });
      }
    }
    // After the history, so the draft shows under the messages it follows.
    if (actor.kind === 'agent' && page.conversation.preview.enabled) {
      if (actor.role === 'admin' || actor.agentId === page.conversation.assigneeId)
        ctx.emit({ type: 'draft.requested', conversationId });
    }
  }

  /** The inbox's queue moved: each waiting conversation followed here is told where it stands. */
  queueMoved(event: { inboxId: string; order: readonly string[]; wait: WaitEstimate | null }): void {
    let positions: Map<string, number> | undefined;
    for (const [conversationId, { view }] of this.followed) {
      if (view?.inboxId !== event.inboxId || !view.waiting) continue;
      positions ??= positionsOf(event.order);
      const position = positions.get(conversationId) ?? null;
      this.connection.send({ type: 'queue.position', conversationId, position, wait: event.wait });
      // Told once that it no longer waits; its assignment arrives as conversation.updated.
      if (position === null) view.waiting = false;
    }
  }

  unsubscribe(conversationId: string): void {
    this.followed.get(conversationId)?.feed.dispose();
    this.followed.delete(conversationId);
    this.connection.unwatch(topics.conversation(conversationId));
  }

  resync(): void {
    for (const { feed } of this.followed.values()) feed.resync();
  }

  live(message: Message, text: string): void {
    this.followed.get(message.conversationId)?.feed.live(message, text);
  }

  clear(): void {
    for (const { feed } of this.followed.values()) feed.dispose();
    this.followed.clear();
  }
}

function viewOf(conversation: Conversation): FollowedConversation {
  return {
    inboxId: conversation.inboxId,
    assigneeId: conversation.assigneeId,
    previewEnabled: conversation.preview.enabled,
    waiting: conversation.status === 'open' && conversation.assigneeId === null,
  };
}

/** Built once per event (keyed by its order array) for every visitor socket of the node. */
const positionMaps = new WeakMap<readonly string[], Map<string, number>>();
function positionsOf(order: readonly string[]): Map<string, number> {
  let positions = positionMaps.get(order);
  if (!positions) positionMaps.set(order, (positions = new Map(order.map((id, i) => [id, i + 1]))));
  return positions;
}
