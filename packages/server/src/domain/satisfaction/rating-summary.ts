/**
 * A ratings report from counts: the store counts ratings per inbox, assignee and score (a GROUP BY, never
 * the ratings themselves); this folds the counts into the average and the 1-to-5 distribution overall,
 * per inbox and per agent. Pure.
 */
import type { RatingStats, RatingsSummary } from '@candor/protocol';

export interface ScoreCount {
  inboxId: string;
  /** The rated conversation's assignee; null: nobody. */
  agentId: string | null;
  score: number;
  count: number;
}

interface Tally {
  count: number;
  total: number;
  distribution: number[];
}

const emptyTally = (): Tally => ({ count: 0, total: 0, distribution: [0, 0, 0, 0, 0] });

function add(tally: Tally, row: ScoreCount): void {
  const slot = row.score - 1;
  // A score outside 1..5 cannot be stored (the rating rule refuses it); skipped rather than trusted.
  if (!Number.isInteger(slot) || slot < 0 || slot > 4 || row.count <= 0) return;
  tally.count += row.count;
  tally.total += row.score * row.count;
  tally.distribution[slot] = (tally.distribution[slot] ?? 0) + row.count;
}

function statsOf(tally: Tally): RatingStats {
  return {
    count: tally.count,
    // Two decimals: 4.33, not 4.333333.
    average: tally.count === 0 ? null : Math.round((tally.total / tally.count) * 100) / 100,
    distribution: tally.distribution,
  };
}

function tallyBy<K>(rows: readonly ScoreCount[], keyOf: (row: ScoreCount) => K): Map<K, Tally> {
  const by = new Map<K, Tally>();
  for (const row of rows) {
    const key = keyOf(row);
    let tally = by.get(key);
    if (!tally) by.set(key, (tally = emptyTally()));
    add(tally, row);
  }
  return by;
}

/** Most ratings first, then by id, so the report reads the same twice. */
const byCountThenId = (a: [string | null, Tally], b: [string | null, Tally]) =>
  b[1].count - a[1].count || String(a[0]).localeCompare(String(b[0]));

export function summarizeRatings(rows: readonly ScoreCount[]): RatingsSummary {
  const all = emptyTally();
  for (const row of rows) add(all, row);
  const inboxes = [...tallyBy(rows, (r) => r.inboxId)].filter(([, t]) => t.count > 0).sort(byCountThenId);
  const agents = [...tallyBy(rows, (r) => r.agentId)].filter(([, t]) => t.count > 0).sort(byCountThenId);
  return {
    ...statsOf(all),
    byInbox: inboxes.map(([inboxId, t]) => ({ inboxId, ...statsOf(t) })),
    byAgent: agents.map(([agentId, t]) => ({ agentId, ...statsOf(t) })),
  };
}
