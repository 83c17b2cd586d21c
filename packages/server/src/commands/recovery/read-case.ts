/**
 * GET /api/v1/conversations/{id}/recovery: the case as agents see it. Contacts and codes masked only
 * (the full value never leaves the server for an agent), proofs as "verified by a code sent to
 * e•••@example.com at 14:02", and the actions and takeover signals (case-extras.ts).
 */
import type { RecoveryCase, RecoveryContact } from '@candor/protocol';
import { reachableContacts } from '../../domain/recovery/contact-on-file';
import type { Actor } from '../../domain/types';
import type { ChatContext } from '../context';
import { listActionViews, takeoverSignalsFor } from './case-extras';
import { loadCase } from './recovery-case';
import { recentlyReplacedMs } from './recovery-team';
import { codeView } from './send-code';

export async function readRecoveryCase(
  ctx: ChatContext,
  actor: Actor,
  conversationId: string,
): Promise<RecoveryCase> {
  const { recovery } = await loadCase(ctx, actor, conversationId);
  const now = ctx.now();
  const accountId = recovery.accountId;
  const [account, rows, codes, proofs, actions, signals, recentMs] = await Promise.all([
    accountId === null ? undefined : ctx.store.findHostAccount(accountId),
    accountId === null ? [] : ctx.store.listAccountContacts(accountId),
    ctx.store.listRecoveryCodes(conversationId),
    ctx.store.listVerifications(conversationId),
    listActionViews(ctx, conversationId),
    takeoverSignalsFor(ctx, recovery),
    recentlyReplacedMs(ctx),
  ]);
  const contacts: RecoveryContact[] = [];
  for (const row of rows) {
    const reachable = reachableContacts([row], now, recentMs)[0];
    if (reachable)
      contacts.push({
        id: row.id,
        channel: row.channel,
        masked: reachable.masked,
        standing: reachable.standing,
      });
  }
  // Current contacts first, as the domain orders them.
  contacts.sort((a, b) => Number(a.standing !== 'current') - Number(b.standing !== 'current'));
  return {
    conversationId,
    claimedAccount: recovery.claimedAccount,
    situation: recovery.situation,
    account: account ? { externalId: account.externalId, name: account.name } : null,
    contacts,
    codes: codes.map((c) => codeView(c, now)),
    verifications: proofs.map((p) => ({
      purpose: p.purpose,
      channel: p.channel,
      masked: p.masked,
      standing: p.standing,
      at: p.at,
    })),
    actions,
    signals,
    createdAt: recovery.createdAt,
  };
}
