/**
 * The create forms of the integrations page, checked before sending (the server checks again): a token
 * needs a name and a scope, a webhook an http(s) URL and an event. Also the words for a scope, an event
 * and a delivery, which the server sends as codes.
 */
import { API_TOKEN_SCOPES, WEBHOOK_EVENTS } from '@candor/protocol';
import type { ApiTokenScope, WebhookDelivery, WebhookEvent } from '@candor/protocol';
import type { IntegrationsTextKey } from './integrations-text';

type Checked<T> = { ok: true; value: T } | { ok: false; problems: IntegrationsTextKey[] };

/** Adds or removes `item`, kept in the contract's order so the list reads the same every time. */
export function toggled<T extends string>(all: readonly T[], held: readonly T[], item: T, on: boolean): T[] {
  return all.filter((x) => (x === item ? on : held.includes(x)));
}

export function readTokenForm(
  name: string,
  scopes: readonly ApiTokenScope[],
): Checked<{ name: string; scopes: ApiTokenScope[] }> {
  const problems: IntegrationsTextKey[] = [];
  const trimmed = name.trim();
  if (!trimmed) problems.push('nameMissing');
  const chosen = API_TOKEN_SCOPES.filter((s) => scopes.includes(s));
  if (chosen.length === 0) problems.push('scopeMissing');
  return problems.length ? { ok: false, problems } : { ok: true, value: { name: trimmed, scopes: chosen } };
}

export function readWebhookForm(
  url: string,
  events: readonly WebhookEvent[],
): Checked<{ url: string; events: WebhookEvent[] }> {
  const problems: IntegrationsTextKey[] = [];
  const trimmed = url.trim();
  if (!trimmed) problems.push('urlMissing');
  else if (!isWebAddress(trimmed)) problems.push('urlInvalid');
  const chosen = WEBHOOK_EVENTS.filter((e) => events.includes(e));
  if (chosen.length === 0) problems.push('eventMissing');
  return problems.length ? { ok: false, problems } : { ok: true, value: { url: trimmed, events: chosen } };
}

/** Only the shape: whether the host is private or reachable is the server's call, not the browser's. */
function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

export function scopeKey(scope: ApiTokenScope): IntegrationsTextKey {
  return `scope_${scope.replace(':', '_')}` as IntegrationsTextKey;
}

/** An event the console does not know (a newer server) is shown as its code. */
export function eventKey(event: string): IntegrationsTextKey | null {
  return (WEBHOOK_EVENTS as readonly string[]).includes(event)
    ? (`event_${event}` as IntegrationsTextKey)
    : null;
}

export function deliveryStatusKey(status: WebhookDelivery['status']): IntegrationsTextKey {
  return `status_${status}`;
}

export function attemptsKey(count: number): IntegrationsTextKey {
  return count === 1 ? 'attemptOne' : 'attempts';
}
