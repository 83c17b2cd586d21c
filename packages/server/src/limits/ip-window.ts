/**
 * Requests per client address (IPv6 by /64) per fixed window, counted in this node's memory. For cheap
 * public reads (the help centre and the widget's help API): what they protect is this node's CPU, so a
 * per-node count is the right one and costs no store round trip per page. The map is swept of expired
 * windows when it grows, so a scan from many addresses cannot make it grow without end.
 */
import { addressGroup } from '../domain/address-group';
import { fixedWindow, type LimitRule, type LimitState } from '../domain/rate-limits';
import type { SlotResult } from './shared-limit';

const SWEEP_AT = 10_000;

export class IpWindow {
  private readonly rule: LimitRule;
  private readonly states = new Map<string, LimitState>();

  constructor(readonly rate: { limit: number; windowMs: number }) {
    this.rule = fixedWindow(rate);
  }

  take(ip: string, now: number): SlotResult {
    const key = addressGroup(ip);
    const decision = this.rule(this.states.get(key), now);
    if (!decision.ok) return { ok: false, retryAfterMs: Math.max(1, Math.ceil(decision.retryAfterMs)) };
    if (this.states.size >= SWEEP_AT && !this.states.has(key)) this.sweep(now);
    this.states.set(key, decision.next);
    return { ok: true };
  }

  private sweep(now: number): void {
    for (const [key, state] of this.states) if (state.expiresAt <= now) this.states.delete(key);
  }
}
