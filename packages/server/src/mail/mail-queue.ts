/**
 * Mail leaves off the request path: `enqueue` returns at once, and a sender works through the queue
 * one mail at a time. A failed send is tried again after a growing delay; after the last attempt the
 * mail is given up, logged and counted (`candor_mail_total{outcome="failed"}`), never dropped silently.
 * The queue is in memory: mails still waiting when the node stops are logged as failed too.
 * Logs carry the mail's kind only, never its address or content.
 */
import type { Mail, Mailer } from './mailer';

/** Delays before the 2nd, 3rd… attempts: about 16 minutes in all, enough for an SMTP server's restart. */
export const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 240_000];

export interface MailQueueDeps {
  mailer: Mailer;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  counted?: (outcome: 'sent' | 'retried' | 'failed') => void;
  retryDelaysMs?: readonly number[];
}

interface Pending {
  mail: Mail;
  /** What kind of mail (reply, transcript…): for logs. */
  kind: string;
  attempt: number;
}

export class MailQueue {
  private readonly waiting: Pending[] = [];
  /** Mails waiting for their next attempt, by timer. */
  private readonly timers = new Map<NodeJS.Timeout, Pending>();
  private running = false;
  private stopped = false;
  private idle: Array<() => void> = [];

  constructor(private readonly deps: MailQueueDeps) {}

  enqueue(kind: string, mail: Mail): void {
    if (this.stopped) return this.giveUp({ mail, kind, attempt: 0 }, 'stopping');
    this.waiting.push({ mail, kind, attempt: 0 });
    void this.run();
  }

  /** Resolves when nothing is waiting or being sent (retries planned for later do not count). For tests. */
  settled(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const [timer, pending] of this.timers) {
      clearTimeout(timer);
      this.giveUp(pending, 'node stopped before the next attempt');
    }
    this.timers.clear();
    await this.settled();
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Never on the caller's tick: a command that enqueues answers its client first.
    await new Promise((resolve) => setImmediate(resolve));
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) await this.attempt(next);
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async attempt(p: Pending): Promise<void> {
    try {
      await this.deps.mailer.send(p.mail);
      this.deps.counted?.('sent');
    } catch (err) {
      const delays = this.deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
      const delay = delays[p.attempt];
      if (delay === undefined || this.stopped) return this.giveUp(p, String(err));
      this.deps.counted?.('retried');
      this.deps.log.warn(
        { kind: p.kind, attempt: p.attempt + 1, err: String(err) },
        'mail not sent: will retry',
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push({ ...p, attempt: p.attempt + 1 });
        void this.run();
      }, delay);
      timer.unref();
      this.timers.set(timer, p);
    }
  }

  private giveUp(p: Pending, reason: string): void {
    this.deps.counted?.('failed');
    this.deps.log.error({ kind: p.kind, attempts: p.attempt + 1, err: reason }, 'mail given up');
  }
}
