/**
 * What the Store keeps for mail (issue 13, migration 0017). Part of the Store seam; covered by
 * contract/mail.contract.ts on both stores.
 */
export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdAt: number;
  /** A text message (SMS, migration 0022) kept instead of sent: `to` is a phone number, subject and html empty. Absent: email. */
  channel?: 'email' | 'sms';
}

export interface ReopenGrant {
  visitorId: string;
  conversationId: string;
}

export interface MailStore {
  /** The development outbox: mail (and texts) that would have been sent with no SMTP server (SMS provider) configured. */
  addOutboxMail(mail: OutboxMail): Promise<void>;
  /** Newest first. */
  listOutbox(limit: number): Promise<OutboxMail[]>;

  /** Keeps a reply link's token (its hash only) for one conversation's visitor until `expiresAt`. */
  createReopenToken(
    token: ReopenGrant & { tokenHash: string; expiresAt: number; now: number },
  ): Promise<void>;
  /**
   * In one transaction: the unexpired token with this hash is deleted (a link works once, on any node)
   * and its visitor gets the new visitor token `visitorTokenHash`. Undefined, changing nothing, when the
   * token is unknown, used or expired, or its visitor is gone.
   */
  claimReopenToken(claim: {
    tokenHash: string;
    visitorTokenHash: string;
    now: number;
  }): Promise<ReopenGrant | undefined>;
}
