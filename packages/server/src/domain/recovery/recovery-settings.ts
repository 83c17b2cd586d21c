/**
 * The recovery settings an admin may change: the team recovery chats go to, how long a replaced contact
 * may still receive a code, and each action's requirement. Whatever is stored or sent is read as hostile:
 * each action goes through `requirementFor`, so a setting may make an action stricter, never looser
 * than the floor (action-gate.ts), and anything unreadable falls back to the defaults.
 */
import type { RecoverySettings, UpdateRecoverySettingsBody } from '@candor/protocol';
import { FLOOR, requirementFor, type ActionRequirement, type RecoveryAction } from './action-gate';
import { RECENTLY_REPLACED_MS } from './contact-on-file';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const ACTIONS: readonly RecoveryAction[] = ['unlock', 'reset_second_factor', 'change_contact'];

export const RECENTLY_REPLACED_DAYS = { min: 1, max: 90, default: RECENTLY_REPLACED_MS / DAY } as const;

type ActionSetting = RecoverySettings['actions'][RecoveryAction];

function settingOf(r: ActionRequirement): ActionSetting {
  return { approval: r.approval, coolingOffHours: r.coolingOffMs / HOUR };
}

/** The floor itself: what a fresh install runs with. */
export const DEFAULT_RECOVERY_SETTINGS: RecoverySettings = {
  teamId: null,
  recentlyReplacedDays: RECENTLY_REPLACED_DAYS.default,
  actions: {
    unlock: settingOf(FLOOR.unlock),
    reset_second_factor: settingOf(FLOOR.reset_second_factor),
    change_contact: settingOf(FLOOR.change_contact),
  },
};

/** An action's setting as the gate reads it: unknown shapes and values below the floor count as the floor. */
export function requirementOf(settings: RecoverySettings, action: RecoveryAction): ActionRequirement {
  const s: unknown = settings.actions[action];
  if (typeof s !== 'object' || s === null) return FLOOR[action];
  const { approval, coolingOffHours } = s as Partial<Record<keyof ActionSetting, unknown>>;
  return requirementFor(action, {
    approval,
    coolingOffMs: typeof coolingOffHours === 'number' ? coolingOffHours * HOUR : undefined,
  });
}

/** Settings read back from the store (or about to be stored), each part checked and raised to the floor. */
export function effectiveSettings(raw: unknown): RecoverySettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<string, unknown>>;
  const days = r.recentlyReplacedDays;
  const actions = (typeof r.actions === 'object' && r.actions !== null ? r.actions : {}) as Record<
    string,
    unknown
  >;
  const settings: RecoverySettings = {
    teamId: typeof r.teamId === 'string' && r.teamId !== '' ? r.teamId : null,
    recentlyReplacedDays:
      typeof days === 'number' &&
      Number.isInteger(days) &&
      days >= RECENTLY_REPLACED_DAYS.min &&
      days <= RECENTLY_REPLACED_DAYS.max
        ? days
        : RECENTLY_REPLACED_DAYS.default,
    actions: { ...DEFAULT_RECOVERY_SETTINGS.actions },
  };
  for (const action of ACTIONS) {
    const given = { ...settings, actions: { ...settings.actions, [action]: actions[action] } };
    settings.actions[action] = settingOf(requirementOf(given, action));
  }
  return settings;
}

/** An admin's change over the current settings: what is left out stays, the rest is raised to the floor. */
export function changedSettings(
  current: RecoverySettings,
  change: UpdateRecoverySettingsBody,
): RecoverySettings {
  return effectiveSettings({
    ...current,
    ...change,
    actions: { ...current.actions, ...(change.actions ?? {}) },
  });
}

export function recentlyReplacedMs(settings: RecoverySettings): number {
  return settings.recentlyReplacedDays * DAY;
}
