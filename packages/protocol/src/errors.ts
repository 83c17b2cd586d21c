/** Codes carried by `error` frames and REST error bodies. Stable: clients switch on them. */
export const ERROR_CODES = [
  'bad_frame', // not JSON, unknown type, or a field of the wrong shape
  'unsupported_version', // hello with another protocol version
  'not_ready', // a command before hello/welcome
  'unauthenticated', // no or invalid credentials
  'forbidden', // authenticated but not allowed on this resource
  'not_found',
  'too_large', // body or frame over the limit
  'rate_limited',
  'conflict', // e.g. idempotency key reused with another body
  'unavailable', // storage down: retry later, nothing was stored
  'internal',
  // Signed identity (issue 12): the host site's token was refused, or the inbox admits signed visitors only.
  'identity_invalid', // malformed, wrong secret, an algorithm other than HS256 (alg none), no sub or exp, exp too far
  'identity_expired', // exp is past
  'identity_replayed', // this exact token was used already (on any node)
  'identity_required', // the inbox enforces signed identity: no token, or a claim that is not signed
  // Reply by email (issue 13): the link's token is unknown, was used already, or has expired.
  'link_expired',
  // Account recovery (issue 14).
  'message_held', // an agent message asks for or holds a password or code: read the warning (see `message`)
  'not_verified', // the action needs a verification the conversation does not have (yet)
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors after which the same command may succeed if sent again unchanged. */
export const RETRYABLE_ERRORS: readonly ErrorCode[] = ['rate_limited', 'unavailable', 'internal'];

/** WebSocket close codes the server uses (4000-4999 are application codes). */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001, // server shutting down: reconnect elsewhere
  policy: 1008, // origin refused or repeated abuse
  tooBig: 1009, // frame over maxPayload
  internal: 1011,
  tryAgainLater: 1013,
  unauthenticated: 4001, // bad or expired credentials: do not retry with the same ones
  unsupportedVersion: 4002,
  loggedOut: 4003, // the session ended (logout, expiry, deactivation, new password): go to the login page
  roleChanged: 4004, // the agent's role changed: read who you are again, then reconnect
  rateLimited: 4008, // too many frames: reconnect after a backoff
  identityRefused: 4005, // the identity token was refused (see the error frame before it): do not send it again
} as const;
