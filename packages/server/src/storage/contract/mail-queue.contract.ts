/** Contract: the outgoing mail queue, whose due mails are claimed by one sender at a time under a lease. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Store } from '../store';
import { T0, uid } from './fixtures';

const LEASE = 30_000;

export function mailQueueContract(store: () => Store): void {
  // Each test uses its own kind: mails of other tests (and other runs) never interfere.
  const queue = async (kind: string, createdAt = T0) => {
    const id = randomUUID();
    await store().queueMail({
      id,
      kind,
      to: 'visitor@example.test',
      subject: `Subject ${id}`,
      text: 'The text',
      html: '<p>The text</p>',
      createdAt,
    });
    return id;
  };
  const claimMine = async (kind: string, now: number, limit = 1000) =>
    (await store().claimDueMail({ now, limit, leaseMs: LEASE })).filter((m) => m.kind === kind);

  describe('mail queue', () => {
    it('keeps a mail as given, due at once, with no attempt yet; a claim counts one', async () => {
      const kind = uid('kind');
      const id = await queue(kind);
      const [m, ...rest] = await claimMine(kind, T0);
      assert.deepEqual(rest, []);
      assert.deepEqual(m, {
        id,
        kind,
        to: 'visitor@example.test',
        subject: `Subject ${id}`,
        text: 'The text',
        html: '<p>The text</p>',
        attempts: 1,
        nextAttemptAt: T0 + LEASE,
        lastError: null,
        createdAt: T0,
      });
      await store().deleteQueuedMail(id);
    });

    it('two claims at once never return the same mail', async () => {
      const kind = uid('kind');
      const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => queue(kind, T0 + i)));
      const claims = await Promise.all([
        claimMine(kind, T0 + 100),
        claimMine(kind, T0 + 100),
        claimMine(kind, T0 + 100, 3),
        claimMine(kind, T0 + 100, 3),
      ]);
      const claimed = claims.flat().map((m) => m.id);
      assert.equal(new Set(claimed).size, claimed.length, 'no mail claimed twice');
      assert.deepEqual(new Set(claimed), new Set(ids), 'every due mail claimed by someone');
      for (const id of ids) await store().deleteQueuedMail(id);
    });

    it('does not hand out a claimed mail again before its lease ends, and does after', async () => {
      const kind = uid('kind');
      const id = await queue(kind);
      assert.equal((await claimMine(kind, T0 + 1)).length, 1);
      assert.deepEqual(await claimMine(kind, T0 + LEASE), [], 'leased');
      const [again] = await claimMine(kind, T0 + 1 + LEASE);
      assert.equal(again?.id, id, 'the sender died: anyone may claim it');
      assert.equal(again.attempts, 2);
      await store().deleteQueuedMail(id);
    });

    it('a retry makes it due again at the time given, with the error kept', async () => {
      const kind = uid('kind');
      const id = await queue(kind);
      await claimMine(kind, T0);
      await store().retryQueuedMail(id, { nextAttemptAt: T0 + 5_000, error: 'connection refused' });
      assert.deepEqual(await claimMine(kind, T0 + 4_999), []);
      const [again] = await claimMine(kind, T0 + 5_000);
      assert.equal(again?.attempts, 2);
      assert.equal(again.lastError, 'connection refused');
      assert.equal(again.nextAttemptAt, T0 + 5_000 + LEASE);
      await store().deleteQueuedMail(id);
    });

    it('hands out due mails oldest first, at most the limit asked', async () => {
      const kind = uid('kind');
      const older = await queue(kind, T0 - 2);
      const newer = await queue(kind, T0 - 1);
      const late = await queue(kind, T0 + 10 ** 6);
      // Every other test deletes its mails: these are the only ones due.
      const [first, ...none] = await store().claimDueMail({ now: T0, limit: 1, leaseMs: LEASE });
      assert.equal(first?.id, older);
      assert.deepEqual(none, []);
      assert.deepEqual(
        (await claimMine(kind, T0)).map((m) => m.id),
        [newer],
      );
      for (const id of [older, newer, late]) await store().deleteQueuedMail(id);
    });

    it('a deleted mail is never claimed again', async () => {
      const kind = uid('kind');
      const id = await queue(kind);
      await store().deleteQueuedMail(id);
      await store().deleteQueuedMail(id); // twice: a sender that could not tell it was done
      assert.deepEqual(await claimMine(kind, T0 + 10 ** 9), []);
    });
  });
}
