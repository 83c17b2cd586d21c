import { randomUUID } from 'node:crypto';
import { redact, type Conversation, type Message } from '@candor/protocol';
import type { Actor, ConversationRecord } from '../domain/types';
import { DEFAULT_INBOX_ID } from '../domain/types';
import { assertCanRead, decideReply } from '../domain/access';
import { DomainError, HeldMessageError } from '../domain/errors';
import { normaliseBody, wellFormed } from '../domain/message-body';
import type { AppendResult, NewMessage } from '../storage/store';
import type { ChatContext } from './context';
import { loadReadable } from './load-conversation';
import { presentConversation, presentMessage } from './presenters';
import { activityActor, assignmentActivity, recordActivity } from './record-activity';
import { heldBecause, type HeldBecause } from '../domain/recovery/secret-request';
import { decideHeld } from '../domain/recovery/held-message';
import { recordAgentAudit } from './recovery/audit';
import { recoveryMark } from './recovery/recovery-conversation';

export interface SendInput {
  /** null: a visitor's open conversation, or a new one. */
  conversationId: string | null;
  clientKey: string;
  body: string;
  /** The sender's address: a visitor's message that starts a conversation is counted against it. */
  senderIp?: string;
  /**
   * Visitor, with `conversationId` null: the message opens this new conversation (an account-recovery
   * one, issue 14) rather than joining their open one; with a team, it waits in that team's queue.
   */
  opens?: { conversationId: string; teamId: string | null };
  /** Agent: send a message held for asking for or holding a secret, after reading the warning. */
  acknowledgeWarning?: boolean | undefined;
}

/**
 * Stores a message, then (only then) emits it. A repeated clientKey returns the stored message and
 * emits nothing, so a client that lost an ack can resend safely.
 */
export async function sendMessage(
  ctx: ChatContext,
  actor: Actor,
  input: SendInput,
): Promise<{ message: Message; conversation: Conversation; created: boolean }> {
  // Secrets are masked before the message is stored, relayed or logged (the widget did it too).
  const normalised = normaliseBody(input.body);
  const { text: body, found } = redact(normalised, ctx.settings.compiledRules);
  const message: NewMessage = {
    authorType: actor.kind,
    authorId: actor.kind === 'visitor' ? actor.visitorId : actor.agentId,
    body,
    clientKey: wellFormed(input.clientKey),
    now: ctx.now(),
  };
  let reopened = false;
  /** Why the agent was warned, when they sent it anyway. */
  let overridden: HeldBecause | undefined;
  let result =
    input.conversationId === null
      ? await sendToCurrent(ctx, actor, { message, senderIp: input.senderIp, opens: input.opens })
      : undefined;
  if (!result) {
    if (input.conversationId === null) throw new DomainError('bad_frame', 'conversationId is required.');
    const id = input.conversationId;
    // An agent may write only if the conversation is not someone else's: decided before writing. A
    // visitor may write into their own conversations, which never change hands: no read first, and
    // reopening is decided on the conversation as the append found it.
    const before =
      actor.kind === 'agent' ? decideReply(actor, await loadReadable(ctx, actor, id)) : undefined;
    // Agents only: a manipulated (or fake) agent is how codes get stolen. Checked once the agent may
    // write here, before anything is stored: a held message is never stored nor relayed.
    if (actor.kind === 'agent')
      overridden = await holdSecretRequests(ctx, actor, {
        conversationId: id,
        text: normalised,
        acknowledged: input.acknowledgeWarning === true,
      });
    if (actor.kind === 'visitor') {
      const home = await ctx.homes.of(id);
      if (home === undefined) throw new DomainError('not_found', 'No such conversation.');
      assertCanRead(actor, home);
    }
    result = await ctx.store.appendMessage(id, message);
    const decision = before ?? decideReply(actor, result.conversation);
    reopened = result.created && decision.reopen;
    if (result.created && (decision.assignTo || decision.reopen)) {
      result = { ...result, conversation: await applyReplyEffects(ctx, result.conversation, decision) };
      const by = activityActor(actor);
      if (decision.assignTo) await assignmentActivity(ctx, id, { agentId: decision.assignTo, by });
      if (decision.reopen) await recordActivity(ctx, { conversationId: id, kind: 'reopened', actor: by });
    }
  }
  if (!result.created && result.message.body !== body) {
    throw new DomainError('conflict', 'This clientKey was already used for another message.');
  }
  const [presented, conversation] = await Promise.all([
    presentMessage(ctx, result.message),
    // A new message is the conversation's last one: no need to read it back.
    presentConversation(ctx, result.conversation, result.created ? result.message : undefined),
  ]);
  if (result.created) {
    if (found.length > 0) {
      const at = result.message.createdAt;
      await ctx.store.recordRedactions(
        found.map((f) => ({
          conversationId: conversation.id,
          messageId: result.message.id,
          ...f,
          createdAt: at,
        })),
      );
    }
    if (overridden && actor.kind === 'agent')
      await recordAgentAudit(ctx, actor, {
        conversationId: conversation.id,
        accountExternalId: null,
        action: 'message.sent_despite_warning',
        detail: { reason: overridden, messageId: result.message.id },
      });
    ctx.emit({ type: 'message.created', message: presented, conversation });
    ctx.emit({ type: 'conversation.updated', conversation });
    // A new conversation, or one the visitor reopened, waits: route it. Other messages move no queue.
    // In an inbox with the bot on, a new conversation is the bot's first (bot-turns.ts routes a handover).
    const first = result.message.seq === 1;
    if (conversation.assigneeId === null && (first || reopened)) {
      // A recovery conversation is for people: the bot never takes it.
      const botFirst = first && !conversation.recovery && ctx.bot !== undefined;
      if (!(botFirst && ctx.settings.botEnabled(conversation.inboxId)))
        ctx.routing?.soon(conversation.inboxId);
    }
  }
  return { message: presented, conversation, created: result.created };
}

/**
 * Throws message_held, saying why, when an agent message asks for or holds a password or a code; both the
 * hold and a send past the warning are audited (supervisors look there for agents being worked on). The
 * text itself is never audited: it may hold the very secret. Returns the reason when sent anyway.
 */
async function holdSecretRequests(
  ctx: ChatContext,
  actor: Extract<Actor, { kind: 'agent' }>,
  { conversationId, text, acknowledged }: { conversationId: string; text: string; acknowledged: boolean },
): Promise<HeldBecause | undefined> {
  const reason = heldBecause(text);
  if (reason === undefined) return undefined;
  const recovery = await recoveryMark.isRecoveryConversation(ctx, conversationId);
  const decision = decideHeld(reason, { acknowledged, recovery });
  if (decision.send) return reason;
  await recordAgentAudit(ctx, actor, {
    conversationId,
    accountExternalId: null,
    action: 'message.held',
    detail: { reason, recovery, final: decision.final },
  });
  throw new HeldMessageError(decision.warning, reason);
}

/** A visitor without a conversation id writes into their open conversation, or starts one. */
async function sendToCurrent(
  ctx: ChatContext,
  actor: Actor,
  {
    message,
    senderIp,
    opens,
  }: { message: NewMessage; senderIp: string | undefined; opens: SendInput['opens'] },
): Promise<AppendResult | undefined> {
  if (actor.kind !== 'visitor') return undefined;
  if (!opens) {
    const [latest] = await ctx.store.listVisitorConversations(actor.visitorId, 1);
    if (latest?.status === 'open') return ctx.store.appendMessage(latest.id, message);
  }
  // Refused before anything is written.
  if (senderIp !== undefined) await ctx.anonymousLimits?.admitConversation(senderIp, ctx.now());
  const started = await ctx.store.startConversation(
    { id: opens?.conversationId ?? randomUUID(), inboxId: DEFAULT_INBOX_ID, visitorId: actor.visitorId },
    message,
  );
  if (!started.created || !opens?.teamId) return started;
  // In the team's queue before the routing pass below can see it.
  const routed = await ctx.store.updateConversation(started.conversation.id, {
    teamId: opens.teamId,
    waitingSince: message.now,
    now: message.now,
  });
  return routed ? { ...started, conversation: routed } : started;
}

async function applyReplyEffects(
  ctx: ChatContext,
  conversation: ConversationRecord,
  decision: { assignTo: string | null; reopen: boolean },
): Promise<ConversationRecord> {
  const now = ctx.now();
  const updated = await ctx.store.updateConversation(conversation.id, {
    // Taken by the replying agent: out of the queue. Reopened by the visitor: waiting again from now.
    ...(decision.assignTo ? { assigneeId: decision.assignTo, waitingSince: null } : {}),
    ...(decision.reopen ? { status: 'open' as const } : {}),
    ...(decision.reopen && conversation.assigneeId === null ? { waitingSince: now } : {}),
    now,
  });
  if (updated && decision.assignTo) {
    ctx.emit({
      type: 'conversation.assigned',
      conversationId: updated.id,
      inboxId: updated.inboxId,
      agentId: decision.assignTo,
      byAgentId: decision.assignTo,
    });
    ctx.routing?.soon(updated.inboxId); // the queue moved: positions
  }
  return updated ?? conversation;
}

export type { AppendResult };
