/**
 * Where recovery conversations go, and how long a replaced contact can still receive a code: the
 * recovery settings' answers (recovery-settings.ts; an admin sets them).
 */
import { recentlyReplacedMs as windowOf } from '../../domain/recovery/recovery-settings';
import type { ChatContext } from '../context';
import { loadRecoverySettings } from './recovery-settings';

/** The team recovery conversations are routed to; null: the inbox's usual routing. */
export async function recoveryTeamId(ctx: ChatContext): Promise<string | null> {
  const { teamId } = await loadRecoverySettings(ctx);
  if (teamId === null) return null;
  // A team deleted since it was chosen: the inbox's usual routing rather than a queue nobody serves.
  return (await ctx.store.listTeams()).some((t) => t.id === teamId) ? teamId : null;
}

/** A contact replaced within this long can still receive a code (with a second person's approval). */
export async function recentlyReplacedMs(ctx: ChatContext): Promise<number> {
  return windowOf(await loadRecoverySettings(ctx));
}
