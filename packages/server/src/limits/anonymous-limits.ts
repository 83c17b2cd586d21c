/**
 * Anonymous visitors cost a row each, and so does every conversation they start: per address (IPv6 by
 * /64) and per minute, counted in the store so the limit holds however many nodes share the load.
 * The defaults are generous, for a whole office behind one NAT.
 */
import { addressGroup } from '../domain/address-group';
import { DomainError } from '../domain/errors';
import { fixedWindow, type LimitRule } from '../domain/rate-limits';
import type { RateStore } from '../storage/rate-store';
import { takeSlot } from './shared-limit';

export interface AnonymousRates {
  newVisitorsPerMinute: number;
  newConversationsPerMinute: number;
}

export class AnonymousLimits {
  private readonly visitors: LimitRule;
  private readonly conversations: LimitRule;

  constructor(
    private readonly store: RateStore,
    rates: AnonymousRates,
  ) {
    this.visitors = fixedWindow({ limit: rates.newVisitorsPerMinute, windowMs: 60_000 });
    this.conversations = fixedWindow({ limit: rates.newConversationsPerMinute, windowMs: 60_000 });
  }

  /** Before a visitor is created (a hello without a valid token). Throws rate_limited over the limit. */
  async admitVisitor(ip: string, now: number): Promise<void> {
    const slot = await takeSlot(this.store, `new-visitor:${addressGroup(ip)}`, { rule: this.visitors, now });
    if (!slot.ok) {
      throw new DomainError(
        'rate_limited',
        'Too many new chats from this network; try again shortly.',
        slot.retryAfterMs,
      );
    }
  }

  /** Before a visitor's message starts a conversation. Throws rate_limited over the limit. */
  async admitConversation(ip: string, now: number): Promise<void> {
    const key = `new-conversation:${addressGroup(ip)}`;
    const slot = await takeSlot(this.store, key, { rule: this.conversations, now });
    if (!slot.ok) {
      throw new DomainError(
        'rate_limited',
        'Too many new conversations from this network; try again shortly.',
        slot.retryAfterMs,
      );
    }
  }
}
