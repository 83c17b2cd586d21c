/** Contract: appending messages — order, idempotency, concurrency — and reading them back. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreNotFoundError } from '../not-found-error';
import type { Store } from '../store';
import { newConversation, newVisitor, T0, uid, visitorSays } from './fixtures';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function messageContract(store: () => Store): void {
  describe('appending messages', () => {
    it('numbers messages 1, 2, 3 and moves the conversation', async () => {
      const first = await newConversation(store());
      assert.equal(first.created, true);
      assert.deepEqual([first.message.seq, first.conversation.lastSeq], [1, 1]);
      assert.deepEqual([first.conversation.status, first.conversation.assigneeId], ['open', null]);
      const second = await store().appendMessage(
        first.conversation.id,
        visitorSays(first.visitorId, 'b', { now: T0 + 5 }),
      );
      const third = await store().appendMessage(
        first.conversation.id,
        visitorSays(first.visitorId, 'c', { now: T0 + 9 }),
      );
      assert.deepEqual([second.message.seq, third.message.seq], [2, 3]);
      assert.deepEqual([third.conversation.lastSeq, third.conversation.updatedAt], [3, T0 + 9]);
      assert.deepEqual(await store().getConversation(first.conversation.id), third.conversation);
      assert.deepEqual(await store().listMessages(first.conversation.id, 0, 10), [
        first.message,
        second.message,
        third.message,
      ]);
    });

    it('stores a repeated clientKey once and answers with the stored message', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const send = visitorSays(visitorId, 'retry me');
      const once = await store().appendMessage(conversation.id, send);
      const again = await store().appendMessage(conversation.id, { ...send, body: 'changed', now: T0 + 1 });
      assert.deepEqual([once.created, again.created], [true, false]);
      assert.deepEqual(again.message, once.message);
      assert.equal(again.conversation.lastSeq, 2);
      assert.deepEqual(
        await store().findMessageByClientKey('visitor', visitorId, send.clientKey ?? ''),
        once.message,
      );
    });

    it('answers a repeated clientKey with the stored message wherever it is sent again', async () => {
      const first = await newConversation(store());
      const other = await newConversation(store());
      const send = visitorSays(first.visitorId, 'once');
      const once = await store().appendMessage(first.conversation.id, send);
      const elsewhere = await store().appendMessage(other.conversation.id, send);
      const nowhere = await store().appendMessage(uid('nope'), send);
      for (const again of [elsewhere, nowhere]) {
        assert.deepEqual(
          [again.created, again.message, again.conversation],
          [false, once.message, once.conversation],
        );
      }
      assert.equal((await store().getConversation(other.conversation.id))?.lastSeq, 1);
    });

    it('does not start a second conversation for a repeated first message', async () => {
      const visitor = await newVisitor(store());
      const send = visitorSays(visitor.id, 'hi');
      const first = await store().startConversation(
        { id: uid('c'), inboxId: 'x', visitorId: visitor.id },
        send,
      );
      const retryId = uid('c');
      const retry = await store().startConversation(
        { id: retryId, inboxId: 'x', visitorId: visitor.id },
        send,
      );
      assert.deepEqual(
        [retry.created, retry.message, retry.conversation],
        [false, first.message, first.conversation],
      );
      assert.equal(await store().getConversation(retryId), undefined);
      assert.equal((await store().listVisitorConversations(visitor.id, 10)).length, 1);
    });

    it('scopes clientKeys to their author', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const clientKey = uid('k');
      const mine = await store().appendMessage(conversation.id, visitorSays(visitorId, 'a', { clientKey }));
      const agentSend = { authorType: 'agent', authorId: uid('a'), body: 'b', clientKey, now: T0 } as const;
      const theirs = await store().appendMessage(conversation.id, agentSend);
      assert.deepEqual([mine.created, theirs.created, theirs.message.seq], [true, true, 3]);
    });

    it('stores every system message (no author, no key)', async () => {
      const { conversation } = await newConversation(store());
      const note = {
        authorType: 'system',
        authorId: null,
        body: 'resolved',
        clientKey: null,
        now: T0,
      } as const;
      await store().appendMessage(conversation.id, note);
      const again = await store().appendMessage(conversation.id, note);
      assert.deepEqual([again.created, again.message.seq, again.message.authorId], [true, 3, null]);
    });

    it('rejects an unknown conversation with StoreNotFoundError and stores nothing', async () => {
      const visitor = await newVisitor(store());
      const send = visitorSays(visitor.id, 'lost');
      await assert.rejects(store().appendMessage(uid('nope'), send), StoreNotFoundError);
      assert.equal(
        await store().findMessageByClientKey('visitor', visitor.id, send.clientKey ?? ''),
        undefined,
      );
    });
  });

  describe('concurrent appends', () => {
    it('gives 50 concurrent sends seqs with no gap and no duplicate', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const sends = range(1, 50).map((i) =>
        store().appendMessage(conversation.id, visitorSays(visitorId, `m${i}`)),
      );
      const seqs = (await Promise.all(sends)).map((r) => r.message.seq).sort((a, b) => a - b);
      assert.deepEqual(seqs, range(2, 51));
      const stored = await store().listMessages(conversation.id, 0, 100);
      assert.deepEqual(
        stored.map((m) => m.seq),
        range(1, 51),
      );
      assert.equal((await store().getConversation(conversation.id))?.lastSeq, 51);
    });

    it('stores 20 concurrent sends of one clientKey exactly once', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const send = visitorSays(visitorId, 'double click');
      const results = await Promise.all(range(1, 20).map(() => store().appendMessage(conversation.id, send)));
      assert.equal(results.filter((r) => r.created).length, 1);
      assert.equal(new Set(results.map((r) => r.message.id)).size, 1);
      assert.equal((await store().listMessages(conversation.id, 0, 100)).length, 2);
      assert.equal((await store().getConversation(conversation.id))?.lastSeq, 2);
    });

    it('starts one conversation for 20 concurrent first sends of one clientKey', async () => {
      const visitor = await newVisitor(store());
      const send = visitorSays(visitor.id, 'hi');
      const start = () =>
        store().startConversation({ id: uid('c'), inboxId: 'x', visitorId: visitor.id }, send);
      const results = await Promise.all(range(1, 20).map(start));
      assert.equal(results.filter((r) => r.created).length, 1);
      assert.equal(new Set(results.map((r) => r.conversation.id)).size, 1);
      assert.equal((await store().listVisitorConversations(visitor.id, 10)).length, 1);
    });
  });

  describe('reading messages', () => {
    it('lists messages after a seq, ascending, at most limit', async () => {
      const { conversation, visitorId } = await newConversation(store());
      for (const i of range(2, 6))
        await store().appendMessage(conversation.id, visitorSays(visitorId, `m${i}`));
      const page = await store().listMessages(conversation.id, 2, 2);
      assert.deepEqual(
        page.map((m) => [m.seq, m.body]),
        [
          [3, 'm3'],
          [4, 'm4'],
        ],
      );
      assert.deepEqual(await store().listMessages(conversation.id, 6, 10), []);
    });

    it('gives the last message of each conversation asked for', async () => {
      const a = await newConversation(store());
      const b = await newConversation(store());
      await store().appendMessage(a.conversation.id, visitorSays(a.visitorId, 'latest', { now: T0 + 7 }));
      const last = await store().lastMessages([a.conversation.id, b.conversation.id, uid('nope')]);
      const byId = new Map(last.map((m) => [m.conversationId, m]));
      assert.equal(last.length, 2);
      assert.deepEqual(byId.get(a.conversation.id), {
        conversationId: a.conversation.id,
        seq: 2,
        authorType: 'visitor',
        body: 'latest',
        createdAt: T0 + 7,
      });
      assert.equal(byId.get(b.conversation.id)?.body, 'hello');
      assert.deepEqual(await store().lastMessages([]), []);
    });
  });
}
