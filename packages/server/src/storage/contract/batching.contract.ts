/**
 * Contract: bursts of concurrent appends (which the store may group into shared commits) behave exactly
 * as if the calls had run one after another in the order they were made.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreNotFoundError } from '../not-found-error';
import { StoreConflictError, type AppendResult, type Store } from '../store';
import { newConversation, newVisitor, uid, visitorSays } from './fixtures';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export function batchingContract(store: () => Store): void {
  describe('bursts of concurrent appends', () => {
    it('numbers 500 sends across 20 conversations 1..n per conversation, in call order', async () => {
      const conversations = await Promise.all(range(20).map(() => newConversation(store())));
      const target = (i: number) => conversations[(7 * i + Math.floor(i / 8)) % 20] ?? assert.fail();
      const results = await Promise.all(
        range(500).map((i) =>
          store().appendMessage(target(i).conversation.id, visitorSays(target(i).visitorId, `m${i}`)),
        ),
      );
      for (const { conversation } of conversations) {
        const calls = range(500).filter((i) => target(i).conversation.id === conversation.id);
        const stored = await store().listMessages(conversation.id, 0, 1000);
        assert.deepEqual(
          stored.map((m) => [m.seq, m.body]),
          ['hello', ...calls.map((i) => `m${i}`)].map((body, i) => [i + 1, body]),
        );
        assert.equal((await store().getConversation(conversation.id))?.lastSeq, calls.length + 1);
      }
      for (const { message, conversation, created } of results) {
        assert.deepEqual([created, conversation.lastSeq], [true, message.seq]);
      }
    });

    it('stores 100 sends of 10 clientKeys as 10 messages; each repeat gets the first send', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const keys = range(10).map(() => uid('k'));
      const results = await Promise.all(
        range(100).map((i) =>
          store().appendMessage(
            conversation.id,
            visitorSays(visitorId, `b${i}`, { clientKey: keys[i % 10] }),
          ),
        ),
      );
      assert.equal(results.filter((r) => r.created).length, 10);
      for (const [i, { message, created }] of results.entries()) {
        assert.equal(created, i < 10, `call ${i}`);
        assert.equal(message.id, results[i % 10]?.message.id);
        assert.equal(message.body, `b${i % 10}`);
      }
      const stored = await store().listMessages(conversation.id, 0, 100);
      assert.deepEqual(
        stored.map((m) => m.seq),
        range(11).map((i) => i + 1),
      );
    });

    it('answers repeats of keys stored earlier with the stored messages, and numbers the rest in order', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const keys = range(20).map(() => uid('k'));
      const earlier: AppendResult[] = [];
      for (const i of [3, 8, 13]) {
        const says = visitorSays(visitorId, `early${i}`, { clientKey: keys[i] });
        earlier.push(await store().appendMessage(conversation.id, says));
      }
      const results = await Promise.all(
        range(20).map((i) =>
          store().appendMessage(conversation.id, visitorSays(visitorId, `b${i}`, { clientKey: keys[i] })),
        ),
      );
      const repeats = [3, 8, 13];
      assert.deepEqual(
        results.flatMap((r, i) => (r.created ? [] : [[i, r.message.id]])),
        repeats.map((i, n) => [i, earlier[n]?.message.id]),
      );
      const fresh = range(20).filter((i) => !repeats.includes(i));
      const stored = await store().listMessages(conversation.id, 0, 100);
      assert.deepEqual(
        stored.map((m) => [m.seq, m.body]),
        ['hello', 'early3', 'early8', 'early13', ...fresh.map((i) => `b${i}`)].map((body, i) => [
          i + 1,
          body,
        ]),
      );
      for (const i of fresh) assert.equal(results[i]?.conversation.lastSeq, results[i]?.message.seq);
    });

    it('stores every character of a burst as sent: quotes, braces, commas, backslashes, NULL-like words', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const bodies = [
        'say "hi", {ok}',
        'C:\\temp\\new',
        'NULL',
        '{"a":[1,2]}',
        'it\'s \\" done',
        'émoji 🙂 ok',
      ];
      await Promise.all(
        bodies.map((body) => store().appendMessage(conversation.id, visitorSays(visitorId, body))),
      );
      const stored = await store().listMessages(conversation.id, 0, 100);
      assert.deepEqual(
        stored.slice(1).map((m) => m.body),
        bodies,
      );
    });

    it('rejects only the send to an unknown conversation', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const lost = visitorSays(visitorId, 'lost');
      const outcomes = await Promise.allSettled(
        range(10).map((i) =>
          i === 5
            ? store().appendMessage(uid('nope'), lost)
            : store().appendMessage(conversation.id, visitorSays(visitorId, `m${i}`)),
        ),
      );
      const rejected = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
      assert.deepEqual(rejected, [5]);
      assert.ok((outcomes[5] as PromiseRejectedResult).reason instanceof StoreNotFoundError);
      const stored = await store().listMessages(conversation.id, 0, 100);
      assert.deepEqual(
        stored.map((m) => m.body),
        ['hello', ...[0, 1, 2, 3, 4, 6, 7, 8, 9].map((i) => `m${i}`)],
      );
      assert.equal(
        await store().findMessageByClientKey('visitor', visitorId, lost.clientKey ?? ''),
        undefined,
      );
    });

    for (const withGhost of [false, true]) {
      const extra = withGhost ? ' and a start for an unknown visitor' : '';
      it(`fails only the start of a taken conversation id${extra}, not the rest of its burst`, async () => {
        const { conversation, visitorId } = await newConversation(store());
        const visitor = await newVisitor(store());
        const repeated = visitorSays(visitorId, 'twice');
        const start = (id: string, who: string) =>
          store().startConversation({ id, inboxId: 'x', visitorId: who }, visitorSays(who, 'hi'));
        const calls = [
          () => store().appendMessage(conversation.id, repeated),
          () => start(conversation.id, visitorId),
          () => start(uid('c'), visitor.id),
          () => store().appendMessage(conversation.id, repeated),
          () => store().appendMessage(conversation.id, visitorSays(visitorId, 'd')),
          // A foreign key the store itself enforces: this send fails in the database, mid-transaction.
          ...(withGhost ? [() => start(uid('c'), uid('ghost'))] : []),
        ];
        const outcomes = await Promise.allSettled(calls.map((call) => call()));
        assert.deepEqual(
          outcomes.map((o) => o.status),
          [
            'fulfilled',
            'rejected',
            'fulfilled',
            'fulfilled',
            'fulfilled',
            ...(withGhost ? ['rejected'] : []),
          ],
        );
        const [first, taken, other, again, last] = outcomes;
        assert.ok(taken?.status === 'rejected' && taken.reason instanceof StoreConflictError);
        assert.ok(
          first?.status === 'fulfilled' && again?.status === 'fulfilled' && other?.status === 'fulfilled',
        );
        assert.deepEqual([first.value.created, again.value.created], [true, false]);
        assert.deepEqual(again.value.message, first.value.message);
        assert.deepEqual([again.value.conversation.lastSeq, last?.status], [2, 'fulfilled']);
        assert.deepEqual([other.value.message.seq, other.value.conversation.visitorId], [1, visitor.id]);
        const stored = await store().listMessages(conversation.id, 0, 100);
        assert.deepEqual(
          stored.map((m) => [m.seq, m.body]),
          [
            [1, 'hello'],
            [2, 'twice'],
            [3, 'd'],
          ],
        );
      });
    }

    it('starts one conversation per repeated first message, and appends after a start land in order', async () => {
      const visitors = await Promise.all(range(5).map(() => newVisitor(store())));
      const firsts = visitors.map((v) => visitorSays(v.id, 'first'));
      const ids = range(20).map(() => uid('c'));
      const early = store().appendMessage(ids[0] ?? '', visitorSays(visitors[0]?.id ?? '', 'too early'));
      const starts = range(20).map((i) => {
        const visitorId = visitors[i % 5]?.id ?? '';
        return store().startConversation(
          { id: ids[i] ?? '', inboxId: 'x', visitorId },
          firsts[i % 5] ?? assert.fail(),
        );
      });
      const later = range(3).map((i) =>
        store().appendMessage(ids[0] ?? '', visitorSays(visitors[0]?.id ?? '', `then ${i}`)),
      );
      await assert.rejects(early, StoreNotFoundError);
      const results = await Promise.all(starts);
      for (const [i, result] of results.entries()) {
        const first = results[i % 5];
        assert.deepEqual([result.created, result.conversation.id], [i < 5, ids[i % 5]]);
        assert.deepEqual(result.message, first?.message);
      }
      for (const id of ids.slice(5)) assert.equal(await store().getConversation(id), undefined);
      for (const v of visitors) assert.equal((await store().listVisitorConversations(v.id, 10)).length, 1);
      assert.deepEqual(
        (await Promise.all(later)).map((r) => r.message.seq),
        [2, 3, 4],
      );
    });
  });
}
