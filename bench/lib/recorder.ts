/**
 * What a load generator counts: frames sent, stamped frames received, and, inside the measuring
 * window, the latency of every frame sent in it (receive time minus the stamp, same process clock).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { readStamp } from '../clients/stamp';
import { latencySummary } from './stats';

export interface WindowResult {
  windowS: number;
  /** Frames sent inside the window, and how many of those reached an agent. */
  sent: number;
  delivered: number;
  /** Stamped frames agents received while the window was open (throughput). */
  receivedInWindow: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  firstErrors: string[];
  /** Health of the generator itself: its CPU share of one core, event-loop delay, lateness of sends. */
  generatorCpuPct: number;
  generatorLoopDelayP99Ms: number;
  sendLagP99Ms: number;
}

export class Recorder {
  sentTotal = 0;
  receivedTotal = 0;
  errors = 0;
  readonly firstErrors: string[] = [];
  private open = false;
  private start = Infinity;
  private end = Infinity;
  private sent = 0;
  private delivered = 0;
  private receivedInWindow = 0;
  private readonly latencies: number[] = [];
  private readonly lags: number[] = [];
  private cpuAtStart = process.cpuUsage();
  private cpuInWindow = { user: 0, system: 0 };
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });

  /** Counts one send; `lateMs` is how far behind its schedule it went out. */
  sent1(lateMs = 0): void {
    this.sentTotal++;
    if (!this.open) return;
    this.sent++;
    this.lags.push(lateMs);
  }

  readonly received = (data: Buffer): void => {
    const stamp = readStamp(data);
    if (stamp === undefined) return;
    const now = performance.now();
    this.receivedTotal++;
    if (this.open) this.receivedInWindow++;
    if (stamp >= this.start && stamp < this.end) {
      this.delivered++;
      this.latencies.push(now - stamp);
    }
  };

  readonly error = (text: string): void => {
    this.errors++;
    if (this.firstErrors.length < 5) this.firstErrors.push(text.slice(0, 300));
  };

  openWindow(): void {
    this.open = true;
    this.start = performance.now();
    this.cpuAtStart = process.cpuUsage();
    this.loopDelay.enable();
  }

  closeWindow(): void {
    this.open = false;
    this.end = performance.now();
    this.cpuInWindow = process.cpuUsage(this.cpuAtStart);
    this.loopDelay.disable();
  }

  result(): WindowResult {
    const windowMs = this.end - this.start;
    const cpu = this.cpuInWindow;
    const latency = latencySummary(this.latencies);
    return {
      windowS: windowMs / 1000,
      sent: this.sent,
      delivered: this.delivered,
      receivedInWindow: this.receivedInWindow,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      maxMs: latency.max,
      errors: this.errors,
      firstErrors: this.firstErrors,
      generatorCpuPct: ((cpu.user + cpu.system) / 1000 / windowMs) * 100,
      generatorLoopDelayP99Ms: this.loopDelay.percentile(99) / 1e6,
      sendLagP99Ms: latencySummary(this.lags).p99,
    };
  }
}
