/** Account recovery's constants (issue 14), zod-free so the widget and console can import them. */
export const RECOVERY_ACTIONS = ['unlock', 'reset_second_factor', 'change_contact'] as const;

/** What happened, as the visitor says it in the widget's form. */
export const RECOVERY_SITUATIONS = ['locked_out', 'hacked', 'lost_second_factor', 'other'] as const;

export const TAKEOVER_SIGNALS = [
  'repeated_attempts',
  'identity_mismatch',
  'urgency_with_contact_change',
  'contact_recently_replaced',
] as const;

/** supervisor: an agent who may also approve recovery actions and is told of takeover signals. */
export const AGENT_ROLES = ['admin', 'supervisor', 'agent'] as const;
