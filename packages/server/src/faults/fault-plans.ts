/** The two sizes of the fault run: fast enough for the test suite, and the full soak. */
import type { BusKind } from './bus-server';

export interface FaultPlan {
  bus: BusKind;
  visitors: number;
  /** Share of the visitors who arrive only once the killed node is back. */
  lateShare: number;
  /** Share of the visitors whose socket is cut during a send: half mid-frame, half right after it. */
  cutShare: number;
  /** Agents from the start, spread over the nodes; one more joins on the restarted node. */
  agents: number;
  /** Share of the other conversations each agent follows, besides those it replies in. */
  followShare: number;
  thinkMs: readonly [number, number];
  replyEveryMs: number;
  /** Load before the first fault and after each one. */
  pauseMs: number;
  nodeDownMs: number;
  pgOutageMs: number;
  busDownMs: number;
  /** Most time given to flush every outbox, then to let agents' views catch up. */
  drainMs: number;
  ackTimeoutMs: number;
  rssLimitMb: number;
  progress?: (line: string) => void;
}

/** 200 sockets, about 35 s: runs with the tests. */
export function fastPlan(bus: BusKind): FaultPlan {
  return {
    bus,
    visitors: 200,
    lateShare: 0.1,
    cutShare: 0.2,
    agents: 2,
    followShare: 1,
    thinkMs: [400, 1_200],
    replyEveryMs: 400,
    pauseMs: 2_500,
    nodeDownMs: 2_000,
    pgOutageMs: 2_000,
    busDownMs: 1_000,
    drainMs: 20_000,
    ackTimeoutMs: 15_000,
    rssLimitMb: 512,
  };
}

/** 1,000 sockets, under 3 minutes: `scripts/fault-soak.ts`. */
export function soakPlan(bus: BusKind, visitors = 1_000): FaultPlan {
  return {
    bus,
    visitors,
    lateShare: 0.1,
    cutShare: 0.2,
    agents: 4,
    followShare: 0.15,
    thinkMs: [1_500, 3_500],
    replyEveryMs: 1_000,
    pauseMs: 12_000,
    nodeDownMs: 8_000,
    pgOutageMs: 2_000,
    busDownMs: 2_000,
    drainMs: 30_000,
    ackTimeoutMs: 20_000,
    rssLimitMb: 1_024,
  };
}
