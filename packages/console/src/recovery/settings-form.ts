/**
 * The admin's recovery settings form: held as typed (strings), read back into the PUT body within the
 * limits of `recoverySettingsSchema` (checked by hand: no zod in the console bundle), and the server's
 * refusals placed beside the field they name. The server also
 * refuses anything looser than its floor; that refusal names no field and is shown above the button.
 */
import { RECOVERY_ACTIONS } from '@candor/protocol';
import type { RecoveryAction, RecoverySettings } from '@candor/protocol';
import type { SupervisionTextKey } from './supervision-text';

export interface ActionFields {
  approval: boolean;
  coolingOffHours: string;
}

export interface SettingsForm {
  /** '' for none: the inbox's usual routing. */
  teamId: string;
  recentlyReplacedDays: string;
  actions: Record<RecoveryAction, ActionFields>;
}

export type SettingsField =
  | 'teamId'
  | 'recentlyReplacedDays'
  | `actions.${RecoveryAction}.approval`
  | `actions.${RecoveryAction}.coolingOffHours`;

export type FieldErrors = Partial<Record<SettingsField, string>>;

export function formFromSettings(settings: RecoverySettings): SettingsForm {
  const actions = {} as Record<RecoveryAction, ActionFields>;
  for (const action of RECOVERY_ACTIONS) {
    const held = settings.actions[action];
    actions[action] = { approval: held.approval, coolingOffHours: String(held.coolingOffHours) };
  }
  return {
    teamId: settings.teamId ?? '',
    recentlyReplacedDays: String(settings.recentlyReplacedDays),
    actions,
  };
}

/** A number as typed: empty or anything but a plain decimal number is no number (Number('') is 0). */
function numberOf(typed: string): number {
  const text = typed.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

export type ReadResult =
  | { ok: true; settings: RecoverySettings }
  | { ok: false; errors: Partial<Record<SettingsField, SupervisionTextKey>> };

export function readSettingsForm(form: SettingsForm): ReadResult {
  const errors: Partial<Record<SettingsField, SupervisionTextKey>> = {};
  const days = numberOf(form.recentlyReplacedDays);
  if (!Number.isInteger(days) || days < 1 || days > 90) errors.recentlyReplacedDays = 'daysInvalid';
  const actions = {} as RecoverySettings['actions'];
  for (const action of RECOVERY_ACTIONS) {
    const fields = form.actions[action];
    const hours = numberOf(fields.coolingOffHours);
    if (!(hours >= 0 && hours <= 30 * 24)) errors[`actions.${action}.coolingOffHours`] = 'hoursInvalid';
    actions[action] = { approval: fields.approval, coolingOffHours: hours };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const teamId = form.teamId === '' ? null : form.teamId;
  return { ok: true, settings: { teamId, recentlyReplacedDays: days, actions } };
}

const FIELDS = new Set<string>([
  'teamId',
  'recentlyReplacedDays',
  ...RECOVERY_ACTIONS.flatMap((a) => [`actions.${a}.approval`, `actions.${a}.coolingOffHours`]),
]);

/**
 * The field a server refusal names: the REST layer says `Invalid body at "actions.unlock.coolingOffHours":
 * …`. Null when it names none (or one this form does not have): shown as a general error.
 */
export function fieldOfServerError(message: string): SettingsField | null {
  const path = /at "([^"]*)"/.exec(message)?.[1];
  if (path === undefined) return null;
  // "actions.unlock" (the whole object) belongs to its cooling-off field, the one an admin types in.
  const field = /^actions\.\w+$/.test(path) ? `${path}.coolingOffHours` : path;
  return FIELDS.has(field) ? (field as SettingsField) : null;
}

/**
 * Whether the server stored something other than what was sent: it raises a setting looser than its
 * floor (say, no approval for a second-factor reset) instead of refusing it, and the admin is told.
 */
export function changedByServer(sent: RecoverySettings, saved: RecoverySettings): boolean {
  if (sent.teamId !== saved.teamId || sent.recentlyReplacedDays !== saved.recentlyReplacedDays) return true;
  return RECOVERY_ACTIONS.some(
    (a) =>
      sent.actions[a].approval !== saved.actions[a].approval ||
      sent.actions[a].coolingOffHours !== saved.actions[a].coolingOffHours,
  );
}
