/**
 * One budget per client address for the public help reads: help centre searches and the widget's help
 * API share it (limits/ip-window.ts), so switching from one to the other buys nothing.
 */
import type { Context } from 'hono';
import { clientIp } from '../transport/client-ip';
import type { HttpDeps, HttpEnv } from '../transport/http/http-env';
import type { SlotResult } from '../limits/shared-limit';

export type HelpLimitDeps = Pick<HttpDeps, 'helpLimit' | 'trustProxy'> & { now(): number };

export function takeHelpSlot(deps: HelpLimitDeps, c: Context<HttpEnv>): SlotResult {
  return deps.helpLimit.take(clientIp(c.env.incoming, deps.trustProxy), deps.now());
}
