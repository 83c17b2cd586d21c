/**
 * What the Store keeps for webhooks (issue 14): endpoints, and the durable outbox of deliveries that any
 * node may claim and send. Part of the Store seam; covered by contract/webhooks.contract.ts.
 */
export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  secret: string;
  createdBy: string;
  createdAt: number;
  disabledAt: number | null;
  disabledReason: string | null;
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  eventType: string;
  /** The JSON body sent, as sent. */
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  /** Tries started so far. */
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  doneAt: number | null;
}

export type DeliveryResult =
  | { status: 'delivered'; httpStatus: number; at: number }
  | { status: 'retry'; httpStatus: number | null; error: string | null; nextAttemptAt: number }
  | { status: 'failed'; httpStatus: number | null; error: string | null; at: number };

export interface WebhookStore {
  createWebhook(webhook: WebhookRecord): Promise<void>;
  listWebhooks(): Promise<WebhookRecord[]>;
  findWebhook(id: string): Promise<WebhookRecord | undefined>;
  /** Deletes the endpoint and its deliveries; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;
  disableWebhook(id: string, reason: string, now: number): Promise<void>;

  /**
   * A delivery of the event to every enabled endpoint subscribed to it (or only to `webhookId`); the
   * payload is built per delivery, whose id it carries. How many were queued.
   */
  enqueueWebhookEvent(
    event: { type: string; payload: (deliveryId: string) => string; webhookId?: string },
    now: number,
  ): Promise<number>;
  /**
   * Due pending deliveries, claimed: their next attempt moved `leaseMs` ahead and their attempts counted,
   * atomically, so another node does not send them meanwhile (PostgreSQL skips rows being claimed).
   */
  claimDueDeliveries(now: number, limit: number, leaseMs: number): Promise<DeliveryRecord[]>;
  recordDelivery(id: string, result: DeliveryResult): Promise<void>;
  listDeliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]>;
}
