/**
 * Contract: contacts and signed identity. A typed name/email is self-declared and never downgrades a
 * signed visitor; one host user is one visitor per inbox, however many browsers sign in at once; an
 * identity token is accepted once until its exp; pages are capped and deduplicated; inbox settings
 * round-trip without losing what was not patched.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { VisitorRecord } from '../../domain/types';
import type { Store } from '../store';
import { newVisitor, T0, uid } from './fixtures';

function fresh(): VisitorRecord {
  return { id: uid('v'), name: 'Visitor 0000', locale: 'en', createdAt: T0 };
}

function signIn(
  store: Store,
  inboxId: string,
  externalId: string,
  claims: { email?: string; name?: string } = {},
) {
  return store.signInVisitor({
    inboxId,
    externalId,
    email: claims.email ?? null,
    name: claims.name ?? null,
    fresh: fresh(),
    tokenHash: uid('th'),
    now: T0,
  });
}

export function contactContract(store: () => Store): void {
  describe('contacts', () => {
    it('a new visitor is anonymous; a typed name and email make them self-declared', async () => {
      const v = await newVisitor(store());
      const before = await store().findContact(v.id);
      assert.deepEqual(before, {
        visitorId: v.id,
        name: v.name,
        email: null,
        verification: 'anonymous',
        language: null,
        timeZone: null,
      });
      const after = await store().declareContact(v.id, { email: 'ada@example.test' });
      assert.equal(after?.verification, 'self_declared');
      assert.equal(after?.email, 'ada@example.test');
      assert.equal(after?.name, v.name, 'what was not given is kept');
      assert.deepEqual(await store().findContact(v.id), after);
      assert.equal(await store().declareContact(uid('v'), { name: 'Nobody' }), undefined, 'unknown visitor');
    });

    it('a signed visitor is never downgraded by a typed name or email', async () => {
      const signed = await signIn(store(), 'default', uid('user'), {
        email: 'grace@example.test',
        name: 'Grace',
      });
      assert.equal(signed.verification, 'signed');
      assert.equal(await store().declareContact(signed.id, { email: 'evil@example.test' }), undefined);
      const contact = await store().findContact(signed.id);
      assert.equal(contact?.verification, 'signed');
      assert.equal(contact?.email, 'grace@example.test');
      assert.equal(contact?.name, 'Grace');
    });

    it('one host user is one visitor per inbox, even signing in from several browsers at once', async () => {
      const user = uid('user');
      const many = await Promise.all([1, 2, 3, 4].map(() => signIn(store(), 'default', user)));
      assert.equal(new Set(many.map((v) => v.id)).size, 1);
      const elsewhere = await signIn(store(), uid('inbox'), user);
      assert.notEqual(elsewhere.id, many[0]?.id, 'another inbox (another site) is another visitor');
      // Each sign-in issued a token of that visitor.
      const again = await signIn(store(), 'default', user, { name: 'Renamed' });
      assert.equal(again.id, many[0]?.id);
      assert.equal(again.name, 'Renamed', 'the latest token names the user');
    });

    it('a signed visitor resumes by its token, with its level', async () => {
      const tokenHash = uid('th');
      const v = await store().signInVisitor({
        inboxId: 'default',
        externalId: uid('user'),
        email: null,
        name: null,
        fresh: fresh(),
        tokenHash,
        now: T0,
      });
      const found = await store().findVisitorByTokenHash(tokenHash);
      assert.equal(found?.id, v.id);
    });

    it('an identity token is claimed once until its expiry', async () => {
      const tokenHash = uid('jwt');
      const use = { tokenHash, expiresAt: T0 + 600_000, now: T0 };
      const claims = await Promise.all([1, 2, 3].map(() => store().claimIdentityToken(use)));
      assert.deepEqual(
        claims.filter(Boolean).length,
        1,
        'three nodes given the same token at once accept it once',
      );
      assert.equal(await store().claimIdentityToken({ ...use, now: T0 + 1000 }), false, 'a replay');
      // Past its expiry the record is dropped (the token itself is refused as expired before this).
      assert.equal(await store().claimIdentityToken({ ...use, now: T0 + 600_001 }), true);
    });

    it('pages: the latest first, a repeat of the last one not added, capped', async () => {
      const v = await newVisitor(store());
      const page = (n: number) => ({ url: `https://shop.test/p/${n}`, title: `Page ${n}`, at: T0 + n });
      assert.equal(await store().recordPage(v.id, page(1), 3), true);
      assert.equal(await store().recordPage(v.id, { ...page(1), at: T0 + 2 }, 3), false, 'same page again');
      for (const n of [3, 4, 5]) await store().recordPage(v.id, page(n), 3);
      assert.deepEqual(await store().listPages(v.id, 10), [page(5), page(4), page(3)]);
      assert.deepEqual(await store().listPages(v.id, 1), [page(5)]);
    });

    it('browser facts are stored and changed', async () => {
      const v = await newVisitor(store());
      await store().noteBrowser(v.id, { language: 'fr-CA', timeZone: 'America/Toronto' });
      await store().noteBrowser(v.id, { language: 'fr-CA', timeZone: 'America/Toronto' });
      let c = await store().findContact(v.id);
      assert.deepEqual([c?.language, c?.timeZone], ['fr-CA', 'America/Toronto']);
      await store().noteBrowser(v.id, { language: null, timeZone: 'Europe/Paris' });
      c = await store().findContact(v.id);
      assert.deepEqual([c?.language, c?.timeZone], [null, 'Europe/Paris']);
    });

    it('inbox contact settings: off by default, patched field by field, secret removable', async () => {
      const initial = (await store().listInboxContactSettings()).find((i) => i.inboxId === 'default');
      assert.deepEqual(initial, {
        inboxId: 'default',
        preChatEnabled: false,
        preChatRequireEmail: false,
        identityEnforce: false,
        identitySecret: null,
      });
      await store().updateInboxContactSettings('default', {
        preChatEnabled: true,
        preChatRequireEmail: true,
      });
      const withSecret = await store().updateInboxContactSettings('default', {
        identitySecret: 's'.repeat(32),
      });
      assert.deepEqual(withSecret, {
        inboxId: 'default',
        preChatEnabled: true,
        preChatRequireEmail: true,
        identityEnforce: false,
        identitySecret: 's'.repeat(32),
      });
      const reset = await store().updateInboxContactSettings('default', {
        identitySecret: null,
        preChatEnabled: false,
        preChatRequireEmail: false,
      });
      assert.deepEqual(reset, initial);
      assert.equal(
        await store().updateInboxContactSettings(uid('inbox'), { identityEnforce: true }),
        undefined,
      );
    });
  });
}
