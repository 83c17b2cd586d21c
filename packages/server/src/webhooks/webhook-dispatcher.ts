/**
 * Sends what the webhook outbox holds: every few seconds (and at once when an event is queued on this
 * node) it claims due deliveries (the store leases them, so nodes never send one at the same time),
 * posts each, and records the outcome through the delivery schedule (domain/webhooks). A node that dies
 * mid-send loses nothing: the lease ends and another node, or this one restarted, sends it again
 * (receivers de-duplicate on `webhook-id`, as the specification asks).
 */
import { afterAttempt } from '../domain/webhooks/delivery-schedule';
import type { Store } from '../storage/store';
import type { DeliveryRecord } from '../storage/webhook-store';
import type { SendOutcome } from './webhook-sender';
import { signDelivery } from './standard-signature';

export interface DispatcherDeps {
  store: Pick<Store, 'claimDueDeliveries' | 'recordDelivery' | 'findWebhook' | 'disableWebhook'>;
  post: (url: string, body: string, headers: Record<string, string>) => Promise<SendOutcome>;
  now: () => number;
  random?: () => number;
  onError: (err: unknown, what: string) => void;
  pollMs?: number;
}

const BATCH = 20;
const LEASE_MS = 60_000;

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.deps.pollMs ?? 5_000).unref();
    this.kick();
  }

  /** Something was queued: send now rather than at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.deps.onError(err, 'webhook delivery'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = await this.deps.store.claimDueDeliveries(this.deps.now(), BATCH, LEASE_MS);
      await Promise.all(due.map((d) => this.deliver(d)));
      if (due.length < BATCH || this.stopped) return;
    }
  }

  private async deliver(d: DeliveryRecord): Promise<void> {
    const { store, now } = this.deps;
    const webhook = await store.findWebhook(d.webhookId);
    if (!webhook || webhook.disabledAt !== null) return; // deleted or disabled: its deliveries went with it
    const headers = signDelivery(webhook.secret, d.id, now(), d.payload);
    const { status, error } = await this.deps.post(webhook.url, d.payload, { ...headers });
    const outcome = afterAttempt(d.attempts, status, now(), (this.deps.random ?? Math.random)());
    const httpStatus = status ?? null;
    switch (outcome.kind) {
      case 'delivered':
        return store.recordDelivery(d.id, { status: 'delivered', httpStatus: status ?? 200, at: now() });
      case 'retry':
        return store.recordDelivery(d.id, { status: 'retry', httpStatus, error, nextAttemptAt: outcome.at });
      case 'given_up':
        return store.recordDelivery(d.id, { status: 'failed', httpStatus, error, at: now() });
      case 'endpoint_gone':
        await store.recordDelivery(d.id, { status: 'failed', httpStatus, error: '410 Gone', at: now() });
        return store.disableWebhook(webhook.id, 'the endpoint answered 410 Gone', now());
    }
  }
}
