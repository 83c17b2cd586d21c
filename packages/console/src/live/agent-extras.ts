/**
 * What agents alone see in a conversation's timeline: private notes and the activity trail, as pure
 * functions. They have no seq (they are not messages), so they are merged by id and placed among the
 * messages by time.
 */
import type { Activity, Message, Note } from '@candor/protocol';

export interface AgentExtras {
  readonly notes: readonly Note[];
  readonly activity: readonly Activity[];
}

export const noExtras: AgentExtras = { notes: [], activity: [] };

function byTime<T extends { id: string; createdAt: number }>(a: T, b: T): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function mergeById<T extends { id: string; createdAt: number }>(
  held: readonly T[],
  incoming: readonly T[],
): readonly T[] {
  const known = new Set(held.map((x) => x.id));
  const fresh = incoming.filter((x) => !known.has(x.id));
  // Unchanged keeps its identity, so a repeated frame does not re-render the log.
  if (fresh.length === 0) return held;
  return [...held, ...fresh].sort(byTime);
}

export function addNotes(held: AgentExtras, notes: readonly Note[]): AgentExtras {
  const merged = mergeById(held.notes, notes);
  return merged === held.notes ? held : { ...held, notes: merged };
}

export function addActivity(held: AgentExtras, activity: readonly Activity[]): AgentExtras {
  const merged = mergeById(held.activity, activity);
  return merged === held.activity ? held : { ...held, activity: merged };
}

export type TimelineItem =
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'note'; key: string; note: Note }
  | { kind: 'activity'; key: string; activity: Activity };

/** Messages stay in seq order; each note or trail line goes before the first message written after it. */
export function interleave(messages: readonly Message[], extras: AgentExtras): TimelineItem[] {
  const others: TimelineItem[] = [
    ...extras.notes.map((note) => ({ kind: 'note' as const, key: `n:${note.id}`, note, at: note.createdAt })),
    ...extras.activity.map((activity) => ({
      kind: 'activity' as const,
      key: `a:${activity.id}`,
      activity,
      at: activity.createdAt,
    })),
  ]
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...item }) => item);
  if (others.length === 0) return messages.map((m) => ({ kind: 'message', key: `m:${m.seq}`, message: m }));
  const items: TimelineItem[] = [];
  let next = 0;
  for (const m of messages) {
    while (next < others.length && timeOf(others[next]!) <= m.createdAt) items.push(others[next++]!);
    items.push({ kind: 'message', key: `m:${m.seq}`, message: m });
  }
  while (next < others.length) items.push(others[next++]!);
  return items;
}

function timeOf(item: TimelineItem): number {
  return item.kind === 'note'
    ? item.note.createdAt
    : item.kind === 'activity'
      ? item.activity.createdAt
      : item.message.createdAt;
}

/** One compact line of the trail, e.g. "Ada assigned this to Bob", "You resolved this". */
export function describeActivity(a: Activity, meId: string): string {
  const who = a.actor.type === 'agent' && a.actor.id === meId ? 'You' : a.actor.name;
  const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
  const agentName = typeof a.detail.agentName === 'string' ? a.detail.agentName : 'an agent';
  switch (a.kind) {
    case 'assigned':
      return a.detail.agentId === a.actor.id
        ? `${who} took this conversation`
        : `${who} assigned this to ${agentName}`;
    case 'unassigned':
      return `${who} unassigned this conversation`;
    case 'transferred': {
      // Filled by the transfer command (issue 12, part "route"): a name for the agent or team, and the note.
      const toName = [a.detail.toAgentName, a.detail.toTeamName, a.detail.toName].find(
        (v): v is string => typeof v === 'string' && v !== '',
      );
      const to = toName ? ` to ${toName}` : '';
      const note = typeof a.detail.note === 'string' && a.detail.note ? `: “${a.detail.note}”` : '';
      return `${who} transferred this${to}${note}`;
    }
    case 'resolved':
      return `${who} resolved this conversation`;
    case 'reopened':
      return `${who} reopened this conversation`;
    case 'tagged':
      return `${who} added the tag${a.detail.tags?.length === 1 ? '' : 's'} ${list(a.detail.tags)}`;
    case 'untagged':
      return `${who} removed the tag${a.detail.tags?.length === 1 ? '' : 's'} ${list(a.detail.tags)}`;
    case 'rated': {
      const comment =
        typeof a.detail.comment === 'string' && a.detail.comment ? `: “${a.detail.comment}”` : '';
      return `${who} rated this conversation ${String(a.detail.score)}/5${comment}`;
    }
    case 'left_offline': {
      const email =
        typeof a.detail.email === 'string' && a.detail.email ? ` (reply by email: ${a.detail.email})` : '';
      return `${who} left this message while the team was away${email}`;
    }
    case 'help_context': {
      const read = list(a.detail.titles);
      const query = typeof a.detail.query === 'string' && a.detail.query ? ` “${a.detail.query}”` : '';
      return `${who} searched the help for${query || ' articles'}${read ? ` and read ${read}` : ''}`;
    }
    case 'priority_changed':
      return `${who} changed the priority${typeof a.detail.priority === 'string' ? ` to ${a.detail.priority}` : ''}`;
  }
}
