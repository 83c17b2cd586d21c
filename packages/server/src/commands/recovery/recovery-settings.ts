/**
 * The recovery settings (`GET/PUT /api/v1/recovery/settings`, admins): stored as one JSON row and read
 * on each use (recovery actions are rare; every node then sees a change at once). What is read back is
 * checked again (domain/recovery/recovery-settings.ts): a row written by hand cannot lower the floor.
 */
import type { RecoverySettings, UpdateRecoverySettingsBody } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import {
  DEFAULT_RECOVERY_SETTINGS,
  changedSettings,
  effectiveSettings,
} from '../../domain/recovery/recovery-settings';
import type { Actor } from '../../domain/types';
import { adminOf } from '../host-api/admin-only';
import type { ChatContext } from '../context';

export async function loadRecoverySettings(ctx: ChatContext): Promise<RecoverySettings> {
  const stored = await ctx.store.recoverySettings();
  if (stored === undefined) return DEFAULT_RECOVERY_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    raw = undefined; // unreadable: the defaults, which are the floor
  }
  return effectiveSettings(raw);
}

export async function readRecoverySettings(ctx: ChatContext, actor: Actor): Promise<RecoverySettings> {
  adminOf(actor);
  return loadRecoverySettings(ctx);
}

export async function updateRecoverySettings(
  ctx: ChatContext,
  actor: Actor,
  change: UpdateRecoverySettingsBody,
): Promise<RecoverySettings> {
  const adminId = adminOf(actor);
  if (change.teamId !== undefined && change.teamId !== null) {
    const teams = await ctx.store.listTeams();
    if (!teams.some((t) => t.id === change.teamId)) throw new DomainError('bad_frame', 'No such team.');
  }
  const next = changedSettings(await loadRecoverySettings(ctx), change);
  await ctx.store.setRecoverySettings(JSON.stringify(next), adminId, ctx.now());
  return next;
}
