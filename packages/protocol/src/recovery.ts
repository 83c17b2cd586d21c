/**
 * Account recovery's (issue 14) and agent roles' constant lists. Browser-safe (no zod), so the widget and
 * console can import them from the package's entry without pulling the schemas into their bundles.
 */
export const RECOVERY_ACTIONS = ['unlock', 'reset_second_factor', 'change_contact'] as const;

/** What happened, as the visitor says it in the widget's form. */
export const RECOVERY_SITUATIONS = ['locked_out', 'hacked', 'lost_second_factor', 'other'] as const;

export const TAKEOVER_SIGNALS = [
  'repeated_attempts',
  'identity_mismatch',
  'urgency_with_contact_change',
  'contact_recently_replaced',
] as const;

export const AGENT_ROLES = ['admin', 'supervisor', 'agent'] as const;
