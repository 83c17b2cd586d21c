/**
 * Mail leaves off the request path: `enqueue` resolves once the mail is kept, and a sender works through
 * the queue one mail at a time. A failed send is tried again after a growing delay; after the last
 * attempt the mail is given up, logged and counted (`candor_mail_total{outcome="failed"}`), never
 * dropped silently.
 *
 * With a store (SMTP configured), mails wait in it (mail_queue, migration 0023): a node that stops
 * while the SMTP server is down loses none, and any node sends what is due. Each send is claimed with a
 * lease, so a node dying mid-send leaves the mail to be sent again by whichever node claims it next;
 * delivery is at least once (a node that sent but could not record it sends it again). Mails carrying a
 * secret (a recovery code) are never stored: the code is kept hashed only, so they wait in this node's
 * memory, and a stopping node gives them up (the agent simply sends a new code). So do all mails when
 * no store is given.
 *
 * Logs carry the mail's kind only, never its address or content.
 */
import { randomUUID } from 'node:crypto';
import type { MailQueueStore, QueuedMail } from '../storage/mail-queue-store';
import type { Mail, Mailer } from './mailer';

/** Delays before the 2nd, 3rd… attempts: about 16 minutes in all, enough for an SMTP server's restart. */
export const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 240_000];
/** How often a node looks for due mails queued (or left to retry) by any node. */
const DEFAULT_POLL_MS = 5_000;
/** How long a claimed mail is left to its sender before any node may claim it again. */
const DEFAULT_LEASE_MS = 120_000;

export interface MailQueueDeps {
  mailer: Mailer;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  counted?: (outcome: 'sent' | 'retried' | 'failed') => void;
  retryDelaysMs?: readonly number[];
  /** Where mails wait, durably and shared by every node; without it, they wait in memory. */
  store?: MailQueueStore;
  now?: () => number;
  pollMs?: number;
  leaseMs?: number;
}

export interface EnqueueOptions {
  /** The mail carries a secret (a recovery code): it is never stored, only kept in memory. */
  secret?: boolean;
}

interface Pending {
  mail: Mail;
  /** What kind of mail (reply, transcript…): for logs. */
  kind: string;
  attempt: number;
}

export class MailQueue {
  /** Mails in memory (secret ones, or all without a store), due now. */
  private readonly waiting: Pending[] = [];
  /** Mails in memory waiting for their next attempt, by timer. */
  private readonly timers = new Map<NodeJS.Timeout, Pending>();
  /** Wake-ups for stored mails retried later on this node (any node's poll would find them too). */
  private readonly wakeups = new Set<NodeJS.Timeout>();
  private poll: NodeJS.Timeout | undefined;
  private running = false;
  /** Something was queued or came due while the sender was busy: it looks again before it rests. */
  private again = false;
  private stopped = false;
  private idle: Array<() => void> = [];

  constructor(private readonly deps: MailQueueDeps) {}

  /**
   * With a store: sends what earlier runs, or other nodes, left due, then looks again every few seconds.
   * Call once the store is migrated.
   */
  start(): void {
    if (!this.deps.store || this.stopped || this.poll) return;
    this.poll = setInterval(() => void this.run(), this.deps.pollMs ?? DEFAULT_POLL_MS).unref();
    void this.run();
  }

  /**
   * Resolves once the mail is kept: stored (it will be sent, even if this node stops) or, for a secret
   * mail or without a store, queued in memory. Rejects when the store could not keep it.
   */
  async enqueue(kind: string, mail: Mail, options: EnqueueOptions = {}): Promise<void> {
    const store = options.secret ? undefined : this.deps.store;
    if (store) {
      // Even while stopping: stored, it waits for the next start rather than being lost.
      await store.queueMail({ id: randomUUID(), kind, ...mail, createdAt: this.now() });
    } else {
      if (this.stopped) return this.giveUp(kind, 1, 'stopping');
      this.waiting.push({ mail, kind, attempt: 0 });
    }
    void this.run();
  }

  /**
   * Resolves when nothing due is waiting or being sent by this node (retries planned for later do not
   * count). For tests.
   */
  settled(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Stops looking for mail and waits for the send in flight; stored mails wait for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    for (const timer of this.wakeups) clearTimeout(timer);
    this.wakeups.clear();
    for (const [timer, pending] of this.timers) {
      clearTimeout(timer);
      this.giveUp(pending.kind, pending.attempt + 1, 'node stopped before the next attempt');
    }
    this.timers.clear();
    await this.settled();
  }

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    // Never on the caller's tick: a command that enqueues answers its client first.
    await new Promise((resolve) => setImmediate(resolve));
    do {
      this.again = false;
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) await this.attempt(next);
      if (this.deps.store && !this.stopped) await this.drainStore(this.deps.store);
    } while ((this.again && !this.stopped) || this.waiting.length > 0);
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  /**
   * One claim per send: the lease covers the one mail being sent, so a slow SMTP server never holds
   * back, past their lease, mails claimed behind it (another node would send them too).
   */
  private async drainStore(store: MailQueueStore): Promise<void> {
    const leaseMs = this.deps.leaseMs ?? DEFAULT_LEASE_MS;
    while (!this.stopped) {
      // Mails in memory queued meanwhile (a recovery code) do not wait behind a long stored queue.
      for (let next = this.waiting.shift(); next; next = this.waiting.shift()) await this.attempt(next);
      let claimed: QueuedMail | undefined;
      try {
        [claimed] = await store.claimDueMail({ now: this.now(), limit: 1, leaseMs });
      } catch (err) {
        // The store is down: the mails wait in it, and the next poll looks again.
        this.deps.log.error({ err: String(err) }, 'mail queue: could not claim due mail');
        return;
      }
      if (!claimed) return;
      await this.attemptStored(store, claimed).catch((err: unknown) =>
        // Not recorded: the lease ends and the mail is tried again (perhaps sent twice; never lost).
        this.deps.log.error({ kind: claimed.kind, err: String(err) }, 'mail queue: could not record attempt'),
      );
    }
  }

  private async attemptStored(store: MailQueueStore, q: QueuedMail): Promise<void> {
    try {
      await this.deps.mailer.send({ to: q.to, subject: q.subject, text: q.text, html: q.html });
    } catch (err) {
      // `attempts` counts this one: the delay before the next is the schedule's attempts-th.
      const delay = this.delays()[q.attempts - 1];
      if (delay === undefined) {
        await store.deleteQueuedMail(q.id);
        return this.giveUp(q.kind, q.attempts, String(err));
      }
      await store.retryQueuedMail(q.id, { nextAttemptAt: this.now() + delay, error: String(err) });
      this.retried(q.kind, q.attempts, err);
      if (!this.stopped) {
        const wakeup = setTimeout(() => {
          this.wakeups.delete(wakeup);
          void this.run();
        }, delay);
        wakeup.unref();
        this.wakeups.add(wakeup);
      }
      return;
    }
    await store.deleteQueuedMail(q.id);
    this.deps.counted?.('sent');
  }

  private async attempt(p: Pending): Promise<void> {
    try {
      await this.deps.mailer.send(p.mail);
      this.deps.counted?.('sent');
    } catch (err) {
      const delay = this.delays()[p.attempt];
      if (delay === undefined || this.stopped) return this.giveUp(p.kind, p.attempt + 1, String(err));
      this.retried(p.kind, p.attempt + 1, err);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push({ ...p, attempt: p.attempt + 1 });
        void this.run();
      }, delay);
      timer.unref();
      this.timers.set(timer, p);
    }
  }

  private delays(): readonly number[] {
    return this.deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  private retried(kind: string, attempt: number, err: unknown): void {
    this.deps.counted?.('retried');
    this.deps.log.warn({ kind, attempt, err: String(err) }, 'mail not sent: will retry');
  }

  private giveUp(kind: string, attempts: number, reason: string): void {
    this.deps.counted?.('failed');
    this.deps.log.error({ kind, attempts, err: reason }, 'mail given up');
  }
}
