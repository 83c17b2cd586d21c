/**
 * What the Store keeps of the outgoing mail queue (migration 0023): mails waiting for their first or
 * next attempt, which any node may claim and send (mail/mail-queue.ts). Mails carrying a secret are
 * never handed to it. Part of the Store seam; covered by contract/mail-queue.contract.ts.
 */
export interface QueuedMail {
  id: string;
  /** What kind of mail (reply, transcript…): for logs. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Tries started so far: a claim counts one. */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
}

export type NewQueuedMail = Omit<QueuedMail, 'attempts' | 'nextAttemptAt' | 'lastError'>;

export interface MailQueueStore {
  /** Keeps a mail to send, due at once (`createdAt`), no attempt made yet. */
  queueMail(mail: NewQueuedMail): Promise<void>;
  /**
   * Due mails (next attempt at or before `now`), claimed: their next attempt moved `leaseMs` ahead and
   * their attempts counted, atomically, so no other claim returns them before the lease ends
   * (PostgreSQL skips rows another node is claiming). Oldest first.
   */
  claimDueMail(claim: { now: number; limit: number; leaseMs: number }): Promise<QueuedMail[]>;
  /** Sent, or given up: the mail is no longer kept. */
  deleteQueuedMail(id: string): Promise<void>;
  /** The attempt failed: due again at `nextAttemptAt`. */
  retryQueuedMail(id: string, retry: { nextAttemptAt: number; error: string | null }): Promise<void>;
}
