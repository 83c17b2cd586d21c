/**
 * After the load: agents' views against the database (before and after the catch-up a console does on
 * resume), and each node's health, memory and crashes.
 */
import type { Cluster } from './cluster';
import type { Crowd } from './crowd';
import type { Ledger } from './ledger';
import type { AgentReport, NodeReport } from './report';
import { until } from './wait';
import { compareViews, type Stored } from './verify';

/** Lets live views settle, notes how far behind they are, then catches up and requires equality. */
export async function checkAgents(crowd: Crowd, stored: Stored, ledger: Ledger, ms: number) {
  const { agents } = crowd;
  const behind = () => agents.reduce((n, a) => n + compareViews(a.views, stored).behind, 0);
  await until(() => agents.every((a) => a.settled) && behind() === 0, 3_000);
  const reports = agents.map((a): AgentReport => {
    const { behind: lagging, live, holes } = compareViews(a.views, stored, (id) => a.isLive(id));
    const { count, mean, max } = a.timing;
    return {
      name: a.name,
      follows: a.views.size,
      subscriptions: count,
      meanMs: mean,
      maxMs: max,
      behind: lagging,
      behindLive: live,
      holes,
    };
  });
  for (const agent of agents) agent.catchUp(stored.lastSeqs); // what the console does on resume
  await until(() => agents.every((a) => a.settled) && behind() === 0, ms);
  agents.forEach((agent, k) => {
    const { behind: lagging, wrong } = compareViews(agent.views, stored);
    if (lagging > 0)
      ledger.violation(`${agent.name}: ${lagging} conversations behind the database after catch-up`);
    for (const id of wrong.slice(0, 5))
      ledger.violation(`${agent.name}: view of ${id} differs from the database`);
    const missing = [...crowd.conversations].filter(([id, v]) => crowd.follows(k, v) && !agent.views.has(id));
    if (missing.length > 0)
      ledger.violation(`${agent.name}: does not follow ${missing.length} of its conversations`);
  });
  return reports;
}

export async function checkNodes(
  cluster: Cluster,
  peaks: ReadonlyMap<string, number>,
  rssLimitMb: number,
  ledger: Ledger,
) {
  const reports: NodeReport[] = [];
  for (const node of cluster.nodes) {
    const healthy = await node.healthy();
    const peakRssMb = Math.round((peaks.get(node.name) ?? 0) / 2 ** 20);
    if (!healthy) ledger.violation(`${node.name} is not healthy at the end`);
    if (peakRssMb > rssLimitMb)
      ledger.violation(`${node.name} peaked at ${peakRssMb} MB (limit ${rssLimitMb})`);
    for (const crash of node.crashes) ledger.violation(`${crash}: ${node.lastLines().slice(-3).join(' | ')}`);
    reports.push({
      name: node.name,
      peakRssMb,
      healthy,
      logs: [...node.logCounts],
      examples: [...node.logExamples.values()],
    });
  }
  return reports;
}

/** Samples every live node's resident memory, keeping each node's peak. */
export function samplePeaks(
  cluster: Cluster,
  everyMs: number,
): { peaks: Map<string, number>; stop: () => void } {
  const peaks = new Map<string, number>();
  const timer = setInterval(() => {
    for (const node of cluster.nodes) {
      void node.rss().then((rss) => {
        if (rss !== undefined && rss > (peaks.get(node.name) ?? 0)) peaks.set(node.name, rss);
      });
    }
  }, everyMs);
  return { peaks, stop: () => clearInterval(timer) };
}
