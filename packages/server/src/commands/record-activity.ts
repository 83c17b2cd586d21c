/**
 * The activity trail: one line per change agents should see in the timeline (assigned, transferred,
 * resolved, reopened, tagged…), with who did it and when. Stored, then emitted as `activity.recorded`,
 * which realtime/ delivers to agents only. Called by the commands that make the change, after the
 * change is stored.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ActivityKind } from '@candor/protocol';
import type { ActivityDetail, ActivityRecord } from '../domain/agent-tools-types';
import type { Actor, AuthorType } from '../domain/types';
import type { ChatContext } from './context';
import { loadForAgent, NOTES_PAGE_MAX } from './notes';

export interface ActivityInput {
  conversationId: string;
  kind: ActivityKind;
  /** Who did it; `system` with id null for the router or a rule. */
  actor: { type: AuthorType; id: string | null };
  detail?: ActivityDetail;
}

/** The trail's actor for the one running a command. */
export function activityActor(actor: Actor): ActivityInput['actor'] {
  return actor.kind === 'agent'
    ? { type: 'agent', id: actor.agentId }
    : { type: 'visitor', id: actor.visitorId };
}

export async function recordActivity(ctx: ChatContext, input: ActivityInput): Promise<Activity> {
  const record: ActivityRecord = {
    id: randomUUID(),
    conversationId: input.conversationId,
    kind: input.kind,
    actorType: input.actor.type,
    actorId: input.actor.id,
    detail: input.detail ?? {},
    createdAt: ctx.now(),
  };
  await ctx.store.recordActivity(record);
  const activity = await presentActivity(ctx, record);
  ctx.emit({ type: 'activity.recorded', activity });
  return activity;
}

export async function presentActivity(ctx: ChatContext, r: ActivityRecord): Promise<Activity> {
  const name =
    r.actorType === 'agent' && r.actorId
      ? await ctx.names.agent(r.actorId)
      : r.actorType === 'visitor' && r.actorId
        ? await ctx.names.visitor(r.actorId)
        : 'Candor';
  return {
    id: r.id,
    conversationId: r.conversationId,
    kind: r.kind,
    actor: { type: r.actorType, id: r.actorId, name },
    detail: r.detail,
    createdAt: r.createdAt,
  };
}

/** What an assignment change reads as in the trail. */
export async function assignmentActivity(
  ctx: ChatContext,
  conversationId: string,
  { agentId, by }: { agentId: string | null; by: ActivityInput['actor'] },
): Promise<Activity> {
  return recordActivity(ctx, {
    conversationId,
    kind: agentId === null ? 'unassigned' : 'assigned',
    actor: by,
    detail: agentId === null ? {} : { agentId, agentName: await ctx.names.agent(agentId) },
  });
}

/** The activity trail of a conversation, oldest first: agents of its inbox only. */
export async function listActivity(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
): Promise<Activity[]> {
  const { conversation } = await loadForAgent(ctx, actor, conversationId);
  const rows = await ctx.store.listActivity(conversation.id, NOTES_PAGE_MAX);
  return Promise.all(rows.map((r) => presentActivity(ctx, r)));
}
