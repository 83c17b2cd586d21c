/**
 * The SMS seam (issue 14): how a recovery code reaches a phone on file. Implementations pass one
 * contract suite; callers hand a message over and learn only whether the provider accepted it.
 */
export interface TextMessage {
  /** One number in international form (+33612345678), already validated. */
  to: string;
  /** Plain text; short (one or two SMS segments). */
  text: string;
}

export interface SmsSender {
  /** Resolves once the provider (or the development outbox) accepted the message; rejects otherwise. */
  send(message: TextMessage): Promise<void>;
  close(): Promise<void>;
}
