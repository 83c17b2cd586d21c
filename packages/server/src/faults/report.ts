/** A fault run as lines of text: what happened in each phase, the totals, the nodes, the violations. */
import type { Ledger } from './ledger';

export interface NodeReport {
  name: string;
  peakRssMb: number;
  healthy: boolean;
  logs: [string, number][];
  /** The first line of each kind it logged. */
  examples: string[];
}

/** One agent before the final catch-up: its subscriptions, and its views behind the database. */
export interface AgentReport {
  name: string;
  follows: number;
  subscriptions: number;
  meanMs: number;
  maxMs: number;
  behind: number;
  /** Behind although the conversation streams live: the server's feed should have healed these. */
  behindLive: number;
  /** Of those, views missing a seq below one they hold (rather than only the latest messages). */
  holes: number;
}

export interface FaultReport {
  ledger: Ledger;
  storedMessages: number;
  conversations: number;
  acked: number;
  agents: AgentReport[];
  nodes: NodeReport[];
  seconds: number;
}

export function formatReport(report: FaultReport): string[] {
  const lines: string[] = [];
  for (const { phase, counts } of report.ledger.phases()) {
    if (counts.length === 0) continue;
    lines.push(`${phase}: ${counts.map(([what, n]) => `${what} ${n}`).join(', ')}`);
  }
  lines.push(
    `stored ${report.storedMessages} messages in ${report.conversations} conversations; ` +
      `${report.acked} acked; ${report.seconds} s`,
  );
  for (const a of report.agents) {
    lines.push(
      `${a.name}: follows ${a.follows}, ${a.subscriptions} subscriptions answered (mean ${a.meanMs} ms, ` +
        `max ${a.maxMs} ms); before the final catch-up ${a.behind} views behind, ${a.behindLive} of them ` +
        `streaming live (${a.holes} with a hole)`,
    );
  }
  for (const node of report.nodes) {
    const logs = node.logs
      .sort(([, a], [, b]) => b - a)
      .slice(0, 6)
      .map(([msg, n]) => `"${msg}" ×${n}`)
      .join(', ');
    lines.push(
      `${node.name}: ${node.healthy ? 'healthy' : 'NOT healthy'}, peak RSS ${node.peakRssMb} MB; logs: ${logs || 'none'}`,
    );
  }
  for (const node of report.nodes)
    for (const line of node.examples) lines.push(`  ${node.name} e.g. ${line}`);
  for (const warning of warnings(report)) lines.push(`warning: ${warning}`);
  const { count, first } = report.ledger.violations;
  lines.push(count === 0 ? 'no violations' : `${count} VIOLATIONS:`);
  for (const v of first) lines.push(`  ${v}`);
  if (count > first.length) lines.push(`  … and ${count - first.length} more`);
  return lines;
}

/**
 * Broken promises of the live stream that the pass criteria tolerate (a final resubscribe heals them)
 * but the protocol does not: "after the history, every seq once, in order, no gap".
 */
export function warnings(report: FaultReport): string[] {
  const found: string[] = [];
  for (const what of ['feed: seq skipped', 'feed: seq delivered twice', 'feed: live before history']) {
    const n = report.ledger.total(what);
    if (n > 0) found.push(`${what} ×${n}`);
  }
  for (const a of report.agents) {
    if (a.behindLive > 0)
      found.push(
        `${a.name}: ${a.behindLive} live views missed messages the server never sent (${a.holes} with a hole)`,
      );
  }
  return found;
}
