/**
 * Two answers the contract gives as a bare schema (`recoverySettingsSchema`, `supportReferenceSchema`)
 * without saying whether the route wraps them (`{ settings }`, `{ reference }`, as other routes do).
 * Read either shape, so the console does not depend on that choice.
 */
import type { RecoverySettings, SupportReference } from '@candor/protocol';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function settingsOf(body: unknown): RecoverySettings {
  return (isObject(body) && isObject(body.settings) ? body.settings : body) as RecoverySettings;
}

export function referenceOf(body: unknown): SupportReference {
  return (isObject(body) && isObject(body.reference) ? body.reference : body) as SupportReference;
}
