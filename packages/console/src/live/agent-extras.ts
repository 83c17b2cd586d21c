/**
 * What agents alone see in a conversation's timeline: private notes and the activity trail, as pure
 * functions. They have no seq (they are not messages), so they are merged by id and placed among the
 * messages by time.
 */
import type { Activity, Message, Note, Priority } from '@candor/protocol';
import { priorityLabel, sayConversation } from '../conversation-text';

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
  const t = sayConversation;
  const who = a.actor.type === 'agent' && a.actor.id === meId ? t('you') : a.actor.name;
  const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const quote = (value: unknown) => {
    const said = text(value);
    return said ? t('actQuote', { text: said }) : '';
  };
  const plural = (value: unknown) => !(Array.isArray(value) && value.length === 1);
  switch (a.kind) {
    case 'assigned':
      return a.detail.agentId === a.actor.id
        ? t('actTook', { who })
        : t('actAssigned', { who, agent: text(a.detail.agentName) ?? t('anAgent') });
    case 'unassigned':
      return t('actUnassigned', { who });
    case 'transferred': {
      // Filled by the transfer command (issue 12, part "route"): a name for the agent or team, and the note.
      const to = [a.detail.toAgentName, a.detail.toTeamName, a.detail.toName]
        .map(text)
        .find((v) => v !== null);
      const note = quote(a.detail.note);
      return to ? t('actTransferredTo', { who, to, note }) : t('actTransferred', { who, note });
    }
    case 'resolved':
      return t('actResolved', { who });
    case 'reopened':
      return t('actReopened', { who });
    case 'tagged':
      return t(plural(a.detail.tags) ? 'actTagged' : 'actTaggedOne', { who, tags: list(a.detail.tags) });
    case 'untagged':
      return t(plural(a.detail.tags) ? 'actUntagged' : 'actUntaggedOne', { who, tags: list(a.detail.tags) });
    case 'rated':
      return t('actRated', { who, score: String(a.detail.score), comment: quote(a.detail.comment) });
    case 'left_offline': {
      const email = text(a.detail.email);
      return t('actLeftOffline', { who, email: email ? t('actReplyByEmail', { email }) : '' });
    }
    case 'help_context': {
      const titles = list(a.detail.titles);
      const read = titles ? t('actHelpRead', { titles }) : '';
      const query = text(a.detail.query);
      return query ? t('actHelpFor', { who, query, read }) : t('actHelp', { who, read });
    }
    case 'priority_changed': {
      const priority = a.detail.priority;
      return isPriority(priority)
        ? t('actPriorityTo', { who, priority: priorityLabel(priority).toLowerCase() })
        : t('actPriority', { who });
    }
  }
}

function isPriority(value: unknown): value is Priority {
  return value === 'low' || value === 'normal' || value === 'high' || value === 'urgent';
}
