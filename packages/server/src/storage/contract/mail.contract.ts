/** Contract: the development outbox, and reply links that reopen one conversation once, until they expire. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../store';
import { newConversation, T0, uid } from './fixtures';

export function mailContract(store: () => Store): void {
  describe('mail', () => {
    it('keeps outbox mails as written, newest first', async () => {
      const first = {
        id: uid('m'),
        to: 'zoé@example.test',
        subject: 'Réponse « 1 »',
        text: 'a\nb',
        html: '<p>a</p>',
        createdAt: T0 + 1,
        channel: 'email' as const,
      };
      const second = { ...first, id: uid('m'), subject: 'Second', createdAt: T0 + 2 };
      // A text kept instead of sent (no SMS provider) sits in the same outbox, marked as one.
      const text = {
        id: uid('m'),
        to: '+33612345678',
        subject: '',
        text: 'Votre code : 123456',
        html: '',
        createdAt: T0 + 3,
        channel: 'sms' as const,
      };
      await store().addOutboxMail(first);
      await store().addOutboxMail(second);
      await store().addOutboxMail(text);
      const listed = await store().listOutbox(500);
      assert.deepEqual(
        listed.filter((m) => [first.id, second.id, text.id].includes(m.id)),
        [text, second, first],
      );
      // A mail written without a channel (every caller before texts) is read back as email.
      const { channel: _, ...unmarked } = { ...first, id: uid('m'), createdAt: T0 + 4 };
      await store().addOutboxMail(unmarked);
      assert.equal((await store().listOutbox(500)).find((m) => m.id === unmarked.id)?.channel, 'email');
      assert.equal((await store().listOutbox(1)).length, 1);
    });

    it("a reply link's token gives its visitor a new visitor token once, and only before it expires", async () => {
      const { conversation, visitorId } = await newConversation(store());
      const tokenHash = uid('rt');
      await store().createReopenToken({
        tokenHash,
        visitorId,
        conversationId: conversation.id,
        expiresAt: T0 + 1000,
        now: T0,
      });
      const visitorTokenHash = uid('vt');
      assert.deepEqual(await store().claimReopenToken({ tokenHash, visitorTokenHash, now: T0 + 10 }), {
        visitorId,
        conversationId: conversation.id,
      });
      assert.equal((await store().findVisitorByTokenHash(visitorTokenHash))?.id, visitorId);
      // Used: refused, and no token is given.
      const again = uid('vt');
      assert.equal(
        await store().claimReopenToken({ tokenHash, visitorTokenHash: again, now: T0 + 20 }),
        undefined,
      );
      assert.equal(await store().findVisitorByTokenHash(again), undefined);
    });

    it('refuses an expired or unknown reply token', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const tokenHash = uid('rt');
      await store().createReopenToken({
        tokenHash,
        visitorId,
        conversationId: conversation.id,
        expiresAt: T0 + 1000,
        now: T0,
      });
      const vt = uid('vt');
      assert.equal(
        await store().claimReopenToken({ tokenHash, visitorTokenHash: vt, now: T0 + 1000 }),
        undefined,
      );
      assert.equal(
        await store().claimReopenToken({ tokenHash: uid('rt'), visitorTokenHash: vt, now: T0 }),
        undefined,
      );
      assert.equal(await store().findVisitorByTokenHash(vt), undefined);
    });
  });
}
