/**
 * How a load generator paces its sends. Fixed rate: send k goes out at t0 + k/rate whatever happens
 * (open loop, so a slow server cannot slow the load down and hide its latency), visitors in turn.
 * Closed loop ("max"): keep `window` frames in flight, each visitor under its own rate cap.
 */
import { performance } from 'node:perf_hooks';
import type { Recorder } from './recorder';

export type Send = (visitor: number) => void;
export interface Sender {
  stop(): void;
  /** Closed loop only: a frame landed or failed; send more. */
  pump(): void;
}

const TICK_MS = 1;

export function fixedRate(rate: number, visitors: number, send: Send, recorder: Recorder): Sender {
  const t0 = performance.now();
  const interval = 1000 / rate;
  let k = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    for (let due = t0 + k * interval; due <= now; due = t0 + k * interval) {
      send(k % visitors);
      recorder.sent1(now - due);
      k++;
    }
  }, TICK_MS);
  return { stop: () => clearInterval(timer), pump: () => undefined };
}

export function closedLoop(
  options: { window: number; perVisitorHz: number; visitors: number },
  send: Send,
  recorder: Recorder,
): Sender {
  const minGapMs = 1000 / options.perVisitorHz;
  const lastSent = new Float64Array(options.visitors).fill(-Infinity);
  let next = 0;
  let stopped = false;
  const pump = () => {
    if (stopped) return;
    const now = performance.now();
    while (recorder.sentTotal - recorder.receivedTotal - recorder.errors < options.window) {
      if (now - lastSent[next]! < minGapMs) return; // visitors go in turn: the next one is the oldest
      lastSent[next] = now;
      send(next);
      recorder.sent1();
      next = (next + 1) % options.visitors;
    }
  };
  const timer = setInterval(pump, TICK_MS);
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    pump,
  };
}
