/**
 * "Nothing lost under faults": visitors spread over two nodes send with idempotency keys while agents
 * follow conversations and reply; then, in turn, a share of the visitors' sockets is cut in the middle
 * of a send, one node is killed (SIGKILL) and later started again, PostgreSQL "restarts" (every
 * connection cut, new ones refused for a while: see outage-proxy.ts), and the bus server restarts. Once
 * every outbox is flushed, the database and every agent's view are checked (verify.ts, final-checks.ts).
 */
import { logIn } from '../testing/test-client';
import { FAULT_ADMIN, Cluster } from './cluster';
import { Crowd } from './crowd';
import type { FaultPlan } from './fault-plans';
import { checkAgents, checkNodes, samplePeaks } from './final-checks';
import { Ledger } from './ledger';
import type { FaultReport } from './report';
import { checkStore, readStored } from './verify';
import { sleep, until } from './wait';

export async function runFaultScenario(plan: FaultPlan): Promise<FaultReport> {
  const started = Date.now();
  const say = plan.progress ?? (() => undefined);
  const ledger = new Ledger();
  const cluster = new Cluster((node, msg) => ledger.count(`${node} logged "${msg}"`));
  const memory = samplePeaks(cluster, 500);
  let crowd: Crowd | undefined;
  try {
    await cluster.start(plan.bus);
    say(`${cluster.nodes.length} nodes up over ${plan.bus}, schema ${cluster.schema}`);
    const cookie = await logIn(cluster.nodes[0]!.url, FAULT_ADMIN.email, FAULT_ADMIN.password);
    const env = { urls: cluster.urls, ledger, ackTimeoutMs: plan.ackTimeoutMs };
    const c = (crowd = new Crowd(plan, env, cookie));
    const late = Math.round(plan.visitors * plan.lateShare);

    ledger.enter('load');
    for (let i = 0; i < plan.agents; i++) c.addAgent(cluster.urls[i % cluster.urls.length]!);
    await c.join(c.visitors.slice(late));
    say(`${plan.visitors - late} visitors and ${plan.agents} agents connected`);
    await sleep(plan.pauseMs);

    ledger.enter('sockets cut');
    const cuts = Math.round(plan.visitors * plan.cutShare);
    shuffle(c.visitors.slice(late))
      .slice(0, cuts)
      .forEach((v, k) => v.armCut(k % 2 === 0 ? 'cut-mid-frame' : 'cut-after-send'));
    const fired = () => ledger.total('cut cut-mid-frame') + ledger.total('cut cut-after-send');
    await until(() => fired() >= cuts, plan.thinkMs[1] + 10_000);
    say(`${fired()} of ${cuts} sockets cut during a send`);
    await sleep(plan.pauseMs);

    ledger.enter('node killed');
    const victim = cluster.nodes[0]!;
    await victim.kill();
    say(`${victim.name} killed`);
    await sleep(plan.nodeDownMs);

    ledger.enter('node restarted');
    await victim.start();
    c.addAgent(victim.wsUrl);
    await c.join(c.visitors.slice(0, late));
    say(`${victim.name} back; ${late} more visitors and one more agent joined`);
    await sleep(plan.pauseMs);

    ledger.enter('postgres restarted');
    await cluster.proxy!.outage(plan.pgOutageMs);
    say(`postgres connections cut (${cluster.proxy!.cut}) and refused for ${plan.pgOutageMs} ms`);
    await sleep(plan.pauseMs);

    ledger.enter(`${plan.bus} restarted`);
    await cluster.bus!.kill();
    await sleep(plan.busDownMs);
    await cluster.bus!.start();
    say(`${plan.bus} restarted after ${plan.busDownMs} ms down`);
    await sleep(plan.pauseMs);

    ledger.enter('drain');
    const unsent = await c.drain(plan.drainMs);
    if (unsent.size > 0)
      ledger.violation(`${unsent.size} messages still unacknowledged after ${plan.drainMs} ms`);
    say(`load stopped; ${unsent.size} messages left unacknowledged`);

    ledger.enter('catch-up');
    const stored = await readStored(cluster.schema);
    const agents = await checkAgents(c, stored, ledger, plan.drainMs);
    const acked = c.acked();
    checkStore(stored, acked, unsent, ledger);
    const nodes = await checkNodes(cluster, memory.peaks, plan.rssLimitMb, ledger);
    return {
      ledger,
      storedMessages: stored.rows.length,
      conversations: stored.lastSeqs.size,
      acked: acked.length,
      agents,
      nodes,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    memory.stop();
    crowd?.close();
    await cluster.close();
  }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
