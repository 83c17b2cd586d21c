/**
 * Who answers (issue 12, routing): priorities, agent status, teams, the queue, transfers. Kept apart
 * from schemas.ts, which re-exports everything here and lists the frames in its unions.
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);
const skill = z.string().trim().min(1).max(40);
const capacity = z.number().int().min(0).max(100);

export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const agentStatusSchema = z.enum(['online', 'away', 'offline']);
export const assignmentStrategySchema = z.enum(['manual', 'round_robin', 'least_busy', 'skill_match']);

/** Said to a waiting visitor as "about min to max minutes"; absent when there is too little data. */
export const waitEstimateSchema = z.object({
  minMinutes: z.number().int().min(0),
  maxMinutes: z.number().int().min(0),
});

// ---------- server -> client frames ----------

/** To a visitor whose conversation waits: where it stands. position null: no longer waiting. */
export const queuePositionFrame = z.object({
  type: z.literal('queue.position'),
  conversationId: id,
  position: z.number().int().min(1).nullable(),
  wait: waitEstimateSchema.nullable(),
});

/** To agents of the inbox: a conversation was given to an agent (byAgentId null: by the router). */
export const conversationAssignedFrame = z.object({
  type: z.literal('conversation.assigned'),
  conversationId: id,
  agentId: z.string().nullable(),
  byAgentId: z.string().nullable(),
});

/** To agents of the inbox only, never a visitor: a transfer, with the note for the next agent. */
export const conversationTransferredFrame = z.object({
  type: z.literal('conversation.transferred'),
  conversationId: id,
  fromAgentId: z.string().nullable(),
  toAgentId: z.string().nullable(),
  toTeamId: z.string().nullable(),
  note: z.string().nullable(),
  byAgentId: z.string(),
});

/**
 * To every agent's console, never a visitor: a colleague's status changed, as chosen (`status`) or as
 * routing sees it (`effectiveStatus`: online turns away once their last console has been gone a while).
 */
export const agentStatusFrame = z.object({
  type: z.literal('agent.status'),
  agentId: id,
  status: agentStatusSchema,
  effectiveStatus: agentStatusSchema,
});

/**
 * To agents of the inbox only, never a visitor: a conversation's routing changed (priority, the team it
 * waits for, the skills it needs). The whole new state; conversation.updated does not carry it.
 */
export const routingUpdatedFrame = z.object({
  type: z.literal('routing.updated'),
  conversationId: id,
  priority: prioritySchema,
  teamId: z.string().nullable(),
  requiredSkills: z.array(z.string()),
});

/** To the visitor when their conversation is transferred: a neutral line, no names, no note. */
export const conversationHandedOverFrame = z.object({
  type: z.literal('conversation.handed_over'),
  conversationId: id,
});

// ---------- REST bodies and views ----------

export const teamSchema = z.object({
  id,
  name: z.string(),
  defaultCapacity: capacity.nullable(),
  memberIds: z.array(id),
});
export const createTeamBody = z.object({
  name: z.string().trim().min(1).max(80),
  defaultCapacity: capacity.nullable().default(null),
  memberIds: z.array(id).max(500).default([]),
});
export const updateTeamBody = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    defaultCapacity: capacity.nullable().optional(),
    memberIds: z.array(id).max(500).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Give at least one of name, defaultCapacity, memberIds',
  });

export const inboxRoutingSchema = z.object({
  inboxId: id,
  strategy: assignmentStrategySchema,
  teamIds: z.array(id),
});
export const updateInboxRoutingBody = z
  .object({ strategy: assignmentStrategySchema.optional(), teamIds: z.array(id).max(50).optional() })
  .refine((b) => b.strategy !== undefined || b.teamIds !== undefined, {
    message: 'Give strategy, teamIds or both',
  });

export const agentRoutingSchema = z.object({
  agentId: id,
  /** What the agent chose. */
  status: agentStatusSchema,
  /** What routing sees: online turns away once the last console socket has been gone a while. */
  effectiveStatus: agentStatusSchema,
  /** The agent's own; null: their teams' default. */
  capacity: capacity.nullable(),
  effectiveCapacity: capacity,
  skills: z.array(z.string()),
  /** Open conversations assigned to them now. */
  load: z.number().int().min(0),
});
/** The agent sets their own status; admins set anyone's capacity and skills (and status). */
export const updateAgentRoutingBody = z
  .object({
    status: agentStatusSchema.optional(),
    capacity: capacity.nullable().optional(),
    skills: z.array(skill).max(30).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Give at least one of status, capacity, skills',
  });

export const setPriorityBody = z.object({ priority: prioritySchema });
export const setRequiredSkillsBody = z.object({ skills: z.array(skill).max(10) });
export const transferBody = z
  .object({
    toAgentId: id.optional(),
    toTeamId: id.optional(),
    /** For the next agent only; never shown to the visitor. */
    note: z.string().trim().max(1000).optional(),
  })
  .refine((b) => (b.toAgentId === undefined) !== (b.toTeamId === undefined), {
    message: 'Give exactly one of toAgentId, toTeamId',
  });

export const queueEntrySchema = z.object({
  conversationId: id,
  position: z.number().int().min(1),
  priority: prioritySchema,
  waitingSince: z.number().int(),
  teamId: z.string().nullable(),
});
export const queueSchema = z.object({
  inboxId: id,
  entries: z.array(queueEntrySchema),
  wait: waitEstimateSchema.nullable(),
});
/** GET /api/v1/queues: the queue of every inbox the agent answers in, by inbox name. */
export const inboxQueueSchema = queueSchema.extend({ inboxName: z.string() });
