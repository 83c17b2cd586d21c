/**
 * Builders for recovery tests that start after the visitor's part (A's recovery.start and code frames):
 * an account on file, a recovery conversation about it, and a code proven in it, written through the
 * store as those frames write them.
 */
import { randomUUID } from 'node:crypto';
import type { RecoveryAction } from '../domain/recovery/action-gate';
import type { ContactStanding } from '../domain/recovery/contact-on-file';
import type { Store } from '../storage/store';
import { DEFAULT_INBOX_ID } from '../domain/types';

export interface RecoveryCaseFixture {
  conversationId: string;
  visitorId: string;
  accountId: string;
}

/** An account on file with this email (and phone), and a recovery conversation naming it. */
export async function recoveryCase(
  store: Store,
  options: {
    email?: string;
    phone?: string;
    identitySub?: string | null;
    firstMessage?: string;
    now?: number;
  } = {},
): Promise<RecoveryCaseFixture> {
  const now = options.now ?? Date.now();
  const accountId = `user-${randomUUID()}`;
  const email = options.email ?? `${accountId}@example.com`;
  const contacts = options.phone === undefined ? { email } : { email, phone: options.phone };
  await store.putHostAccount(accountId, { contacts }, now - 365 * 24 * 60 * 60_000);
  const visitorId = randomUUID();
  await store.createVisitor({
    id: visitorId,
    tokenHash: randomUUID(),
    name: 'Blue Fox',
    locale: 'en',
    createdAt: now,
    verification: 'anonymous',
  });
  const conversationId = randomUUID();
  await store.createRecoveryCase({
    conversationId,
    inboxId: DEFAULT_INBOX_ID,
    visitorId,
    claimedAccount: email,
    situation: 'hacked',
    accountId,
    identitySub: options.identitySub ?? null,
    createdAt: now,
  });
  await store.startConversation(
    { id: conversationId, inboxId: DEFAULT_INBOX_ID, visitorId },
    {
      authorType: 'visitor',
      authorId: visitorId,
      body: options.firstMessage ?? 'I cannot get into my account.',
      clientKey: randomUUID(),
      now,
    },
  );
  return { conversationId, visitorId, accountId };
}

/** The visitor typed the right code, sent for `purpose` to a contact of this standing, at `at`. */
export async function proveCode(
  store: Store,
  c: RecoveryCaseFixture,
  purpose: RecoveryAction,
  { standing = 'current', at = Date.now() }: { standing?: ContactStanding; at?: number } = {},
): Promise<void> {
  const code = {
    id: randomUUID(),
    conversationId: c.conversationId,
    accountId: c.accountId,
    purpose,
    contactId: randomUUID(),
    channel: 'email' as const,
    standing,
    masked: 'e•••@example.com',
    codeHash: 'ab'.repeat(32),
    issuedAt: at - 60_000,
    expiresAt: at + 540_000,
    tries: 0,
    usedAt: null,
    version: 0,
  };
  await store.createRecoveryCode(code);
  const ok = await store.recordCodeTry({
    codeId: code.id,
    version: 0,
    tries: 1,
    usedAt: at,
    verification: {
      id: randomUUID(),
      conversationId: c.conversationId,
      accountId: c.accountId,
      purpose,
      contactId: code.contactId,
      channel: 'email',
      standing,
      masked: code.masked,
      at,
    },
  });
  if (!ok) throw new Error('the proof was not recorded');
}
