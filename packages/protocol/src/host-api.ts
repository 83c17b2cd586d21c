/** The host site's back end's constants (issue 14), zod-free so the console can import them. */
export const API_TOKEN_SCOPES = [
  'accounts:write',
  'accounts:read',
  'conversations:read',
  'webhooks:write',
] as const;

/** Events a webhook can subscribe to; `webhook.ping` is sent only by the ping endpoint. */
export const WEBHOOK_EVENTS = ['recovery.action.approved', 'recovery.action.refused'] as const;
