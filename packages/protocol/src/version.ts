/** Bumped on any breaking change to a frame; the server refuses a `hello` with another version. */
export const PROTOCOL_VERSION = 1;

/** Limits the server enforces; clients use the same numbers to refuse early with a friendly message. */
export const LIMITS = {
  /** Characters in a message body, after trimming. */
  messageBodyMax: 4000,
  /** Bytes in one inbound WebSocket frame (ws `maxPayload`). */
  frameBytesMax: 16 * 1024,
  /** Characters in a client idempotency key. */
  clientKeyMax: 64,
  /** Messages returned by one history page. */
  historyPageMax: 200,
  /** Draft relays per conversation per second, after coalescing (the latest draft wins). */
  draftsPerSecond: 5,
  /**
   * Relays allowed back to back before the rate applies: a widget pacing at exactly 5 a second has
   * its drafts arrive a little early or late over the network, and must not wait for a slot.
   */
  draftBurst: 2,
  /** Characters of a search as typed (GET /api/v1/search `q`). */
  searchQueryMax: 200,
  /** Conversations returned by one search page. */
  searchPageMax: 50,
} as const;

/** WebSocket endpoints; the role is fixed by the path so each has its own auth and origin policy. */
export const WS_PATHS = { visitor: '/ws/visitor', agent: '/ws/agent' } as const;
