/** Contract: API tokens found by hash until revoked; host accounts with their contact history. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { ApiTokenRecord } from '../host-account-store';
import type { Store } from '../store';
import { T0, uid } from './fixtures';

export function hostAccountsContract(store: () => Store): void {
  const token = (over: Partial<ApiTokenRecord> = {}): ApiTokenRecord => ({
    id: randomUUID(),
    name: 'Shop back end « prod »',
    tokenHash: uid('hash'),
    scopes: ['accounts:write', 'conversations:read'],
    createdBy: uid('admin'),
    createdAt: T0,
    lastUsedAt: null,
    revokedAt: null,
    ...over,
  });

  describe('host accounts', () => {
    it('finds a token by its hash until it is revoked, and revokes once', async () => {
      const t = token();
      await store().createApiToken(t);
      assert.deepEqual(await store().findApiToken(t.tokenHash), t);
      assert.equal(await store().findApiToken(uid('other')), undefined);
      assert.equal(await store().revokeApiToken(t.id, T0 + 5), true);
      assert.equal(await store().revokeApiToken(t.id, T0 + 6), false);
      assert.equal(await store().revokeApiToken(uid('none'), T0 + 6), false);
      assert.equal(await store().findApiToken(t.tokenHash), undefined);
      const listed = (await store().listApiTokens()).find((x) => x.id === t.id);
      assert.deepEqual(listed, { ...t, revokedAt: T0 + 5 });
    });

    it('records a token’s use at most once a minute', async () => {
      const t = token();
      await store().createApiToken(t);
      await store().touchApiToken(t.id, T0 + 1_000);
      await store().touchApiToken(t.id, T0 + 30_000);
      assert.equal((await store().findApiToken(t.tokenHash))?.lastUsedAt, T0 + 1_000);
      await store().touchApiToken(t.id, T0 + 61_000);
      assert.equal((await store().findApiToken(t.tokenHash))?.lastUsedAt, T0 + 61_000);
    });

    it('keeps an account’s replaced contacts on file with when they were replaced', async () => {
      const id = uid('acct');
      const created = await store().putHostAccount(
        id,
        { name: 'Élodie', contacts: { email: 'elodie@example.com' } },
        T0,
      );
      assert.equal(await store().hasHostAccounts(), true);
      assert.deepEqual(created, {
        externalId: id,
        name: 'Élodie',
        email: 'elodie@example.com',
        phone: null,
        updatedAt: T0,
      });
      // The same value again changes no history; a new one replaces it.
      await store().putHostAccount(
        id,
        { contacts: { email: 'elodie@example.com', phone: '+33612345678' } },
        T0 + 10,
      );
      const changed = await store().putHostAccount(id, { contacts: { email: 'thief@evil.test' } }, T0 + 20);
      assert.deepEqual(changed, {
        externalId: id,
        name: 'Élodie',
        email: 'thief@evil.test',
        phone: '+33612345678',
        updatedAt: T0 + 20,
      });
      assert.deepEqual(await store().accountContactHistory(id), [
        { channel: 'email', value: 'elodie@example.com', setAt: T0, replacedAt: T0 + 20 },
        { channel: 'phone', value: '+33612345678', setAt: T0 + 10, replacedAt: null },
        { channel: 'email', value: 'thief@evil.test', setAt: T0 + 20, replacedAt: null },
      ]);
      assert.deepEqual(await store().findHostAccount(id), changed);
      assert.equal(await store().findHostAccount(uid('none')), undefined);
    });

    it('keeps one current value per channel when the same account is changed at once', async () => {
      const id = uid('acct');
      await store().putHostAccount(id, { contacts: { email: 'a@example.com' } }, T0);
      const values = Array.from({ length: 8 }, (_, i) => `n${i}@example.com`);
      await Promise.all(
        values.map((email, i) => store().putHostAccount(id, { contacts: { email } }, T0 + 1 + i)),
      );
      const history = await store().accountContactHistory(id);
      assert.equal(history.filter((v) => v.replacedAt === null).length, 1);
      assert.equal(history.length, 9);
    });
  });
}
