/**
 * Checks a Candor webhook as the Standard Webhooks specification says (standardwebhooks.com), with
 * node:crypto only: the signature is `v1,` and base64 HMAC-SHA256, keyed by the base64 bytes after
 * `whsec_`, of `${webhook-id}.${webhook-timestamp}.${body}`, over the body exactly as received. The
 * timestamp must be within 5 minutes of now, so a delivery captured on the way cannot be replayed later
 * (and an id seen before is ignored by the receiver, which covers the 5 minutes).
 *
 * The official `standardwebhooks` package does the same check; this one is written out so the example
 * needs nothing but Node, and its tests run it against deliveries signed by the official package.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TOLERANCE_S = 5 * 60;

export interface WebhookHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type SignatureCheck =
  { ok: true; id: string } | { ok: false; why: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

export function checkWebhookSignature(
  secret: string,
  headers: WebhookHeaders,
  body: string,
  now: number = Date.now(),
): SignatureCheck {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return { ok: false, why: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, why: 'stale_timestamp' };
  if (Math.abs(Math.floor(now / 1000) - Number(timestamp)) > TOLERANCE_S)
    return { ok: false, why: 'stale_timestamp' };
  const expected = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest();
  // The header may carry several signatures (during a secret rotation), space-separated.
  for (const versioned of signature.split(' ')) {
    const [version, value] = versioned.split(',', 2);
    if (version !== 'v1' || value === undefined) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true, id };
  }
  return { ok: false, why: 'bad_signature' };
}
