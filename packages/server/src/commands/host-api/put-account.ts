/**
 * PUT /api/v1/accounts/{externalId}: the host's back end keeps an account's contact details on file, the
 * only places a recovery code will ever be sent. Replaced values stay on file (storage keeps the history)
 * because a code may still go there for a while with stricter approval (domain/recovery).
 */
import type { Account, PutAccountBody } from '@candor/protocol';
import type { HostAccountRecord } from '../../storage/host-account-store';
import type { ChatContext } from '../context';

export async function putAccount(
  ctx: ChatContext,
  externalId: string,
  body: PutAccountBody,
): Promise<Account> {
  const contacts = {
    ...(body.email === undefined ? {} : { email: body.email.trim().toLowerCase() }),
    ...(body.phone === undefined ? {} : { phone: `+${body.phone.replace(/\D/g, '')}` }),
  };
  const stored = await ctx.store.putHostAccount(
    externalId,
    { ...(body.name === undefined ? {} : { name: body.name }), contacts },
    ctx.now(),
  );
  return presentAccount(stored);
}

export function presentAccount(a: HostAccountRecord): Account {
  return { externalId: a.externalId, name: a.name, email: a.email, phone: a.phone, updatedAt: a.updatedAt };
}
