/**
 * Webhooks (issue 14): admins register endpoints; events go through the durable outbox (store) and are
 * sent signed by the dispatcher (webhooks/). Queueing an event is how any command tells the host site:
 * `queueWebhookEvent(ctx, 'recovery.action.approved', data)` after its own write.
 */
import { randomUUID } from 'node:crypto';
import type { CreateWebhookBody, CreateWebhookResponse, Webhook, WebhookDelivery } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import type { Actor } from '../../domain/types';
import type { DeliveryRecord, WebhookRecord } from '../../storage/webhook-store';
import { webhookUrlProblem } from '../../webhooks/private-addresses';
import { newWebhookSecret } from '../../webhooks/standard-signature';
import type { ChatContext } from '../context';
import { adminOf } from './admin-only';

/** Endpoints an install may have: enough for any host, few enough that one event stays one small write. */
const MAX_WEBHOOKS = 20;

export async function createWebhook(
  ctx: ChatContext,
  actor: Actor,
  body: CreateWebhookBody,
): Promise<CreateWebhookResponse> {
  const adminId = adminOf(actor);
  const problem = webhookUrlProblem(body.url, ctx.webhooks?.allowPrivate ?? false);
  if (problem) throw new DomainError('bad_frame', `This URL cannot receive webhooks: ${problem}.`);
  if ((await ctx.store.listWebhooks()).length >= MAX_WEBHOOKS)
    throw new DomainError('conflict', `At most ${MAX_WEBHOOKS} webhooks; delete one first.`);
  const webhook: WebhookRecord = {
    id: randomUUID(),
    url: body.url,
    events: body.events,
    secret: newWebhookSecret(),
    createdBy: adminId,
    createdAt: ctx.now(),
    disabledAt: null,
    disabledReason: null,
  };
  await ctx.store.createWebhook(webhook);
  return { id: webhook.id, secret: webhook.secret };
}

export async function listWebhooks(ctx: ChatContext, actor: Actor): Promise<Webhook[]> {
  adminOf(actor);
  return (await ctx.store.listWebhooks()).map(presentWebhook);
}

export async function deleteWebhook(ctx: ChatContext, actor: Actor, id: string): Promise<void> {
  adminOf(actor);
  if (!(await ctx.store.deleteWebhook(id))) throw new DomainError('not_found', 'No such webhook.');
}

export async function listDeliveries(ctx: ChatContext, actor: Actor, id: string): Promise<WebhookDelivery[]> {
  adminOf(actor);
  if (!(await ctx.store.findWebhook(id))) throw new DomainError('not_found', 'No such webhook.');
  return (await ctx.store.listDeliveries(id, 50)).map(presentDelivery);
}

/** Sends `webhook.ping` to one endpoint, to check it receives and verifies. */
export async function pingWebhook(ctx: ChatContext, actor: Actor, id: string): Promise<void> {
  adminOf(actor);
  const webhook = await ctx.store.findWebhook(id);
  if (!webhook) throw new DomainError('not_found', 'No such webhook.');
  if (webhook.disabledAt !== null)
    throw new DomainError('conflict', `This webhook is disabled: ${webhook.disabledReason ?? ''}`);
  await queueWebhookEvent(ctx, 'webhook.ping', { webhookId: id }, id);
}

/** Queues the event for every subscribed endpoint (or only `webhookId`), then wakes the sender. */
export async function queueWebhookEvent(
  ctx: ChatContext,
  type: string,
  data: Record<string, unknown>,
  webhookId?: string,
): Promise<number> {
  const now = ctx.now();
  const timestamp = new Date(now).toISOString();
  const queued = await ctx.store.enqueueWebhookEvent(
    { type, payload: () => JSON.stringify({ type, timestamp, data }), ...(webhookId ? { webhookId } : {}) },
    now,
  );
  if (queued > 0) ctx.webhooks?.kick();
  return queued;
}

function presentWebhook(w: WebhookRecord): Webhook {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    createdAt: w.createdAt,
    disabledAt: w.disabledAt,
    disabledReason: w.disabledReason,
  };
}

function presentDelivery(d: DeliveryRecord): WebhookDelivery {
  return {
    id: d.id,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    createdAt: d.createdAt,
    doneAt: d.doneAt,
  };
}
