/** Contract: ratings once per resolution, listed for reports; inboxes' business hours. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { RatingRecord } from '../satisfaction-store';
import type { Store } from '../store';
import { newAgent, newConversation, T0, uid } from './fixtures';

export function satisfactionContract(store: () => Store): void {
  const rating = (r: Partial<RatingRecord> & { conversationId: string; inboxId: string }): RatingRecord => ({
    id: randomUUID(),
    visitorId: uid('v'),
    resolution: 1,
    score: 4,
    comment: '',
    createdAt: T0,
    ...r,
  });

  describe('satisfaction', () => {
    it('keeps one rating per resolution: a second for the same one is refused and changes nothing', async () => {
      const inboxId = uid('inbox');
      const { conversation } = await newConversation(store(), { inboxId });
      const first = rating({
        conversationId: conversation.id,
        inboxId,
        score: 5,
        comment: 'Merci « top » é',
      });
      assert.equal(await store().addRating(first), true);
      assert.equal(
        await store().addRating(rating({ conversationId: conversation.id, inboxId, score: 1 })),
        false,
      );
      assert.deepEqual(await store().listRatings({ inboxIds: [inboxId], limit: 10 }), [first]);
      // Reopened and resolved again: the next resolution may be rated.
      const second = rating({
        conversationId: conversation.id,
        inboxId,
        resolution: 2,
        score: 2,
        createdAt: T0 + 5,
      });
      assert.equal(await store().addRating(second), true);
      const listed = await store().listRatings({
        inboxIds: [inboxId],
        conversationId: conversation.id,
        limit: 10,
      });
      assert.deepEqual(
        listed.map((r) => r.score),
        [2, 5],
      );
    });

    it('lists newest first within inboxes and dates, page by page with a cursor', async () => {
      const [a, b] = [uid('inbox'), uid('inbox')];
      const made: RatingRecord[] = [];
      for (let k = 0; k < 5; k++) {
        const { conversation } = await newConversation(store(), { inboxId: a });
        made.push(rating({ conversationId: conversation.id, inboxId: a, createdAt: T0 + (k < 2 ? 0 : k) }));
      }
      const other = await newConversation(store(), { inboxId: b });
      made.push(rating({ conversationId: other.conversation.id, inboxId: b, createdAt: T0 + 3 }));
      for (const r of made) assert.equal(await store().addRating(r), true);

      const all = await store().listRatings({ inboxIds: [a], limit: 10 });
      assert.equal(all.length, 5);
      const firstPage = await store().listRatings({ inboxIds: [a], limit: 3 });
      const last = firstPage.at(-1);
      assert.ok(last);
      const next = await store().listRatings({ inboxIds: [a], limit: 3, after: last });
      assert.deepEqual([...firstPage, ...next], all);
      assert.deepEqual(
        (await store().listRatings({ inboxIds: [a], from: T0 + 2, to: T0 + 4, limit: 10 })).map(
          (r) => r.createdAt,
        ),
        [T0 + 3, T0 + 2],
      );
      assert.equal((await store().listRatings({ inboxIds: [a, b], limit: 10 })).length, 6);
      assert.deepEqual(await store().listRatings({ inboxIds: [], limit: 10 }), []);
    });

    it("filters by the rated conversation's assignee and counts scores per inbox and assignee in the database", async () => {
      const [a, b] = [uid('inbox'), uid('inbox')];
      const [ana, bob] = [await newAgent(store()), await newAgent(store())];
      const rated = async (inboxId: string, assigneeId: string | null, score: number, createdAt: number) => {
        const { conversation } = await newConversation(store(), { inboxId });
        if (assigneeId) await store().updateConversation(conversation.id, { assigneeId, now: T0 });
        const r = rating({ conversationId: conversation.id, inboxId, score, createdAt });
        assert.equal(await store().addRating(r), true);
        return r;
      };
      const r1 = await rated(a, ana.id, 5, T0 + 1);
      const r2 = await rated(a, ana.id, 3, T0 + 2);
      const r3 = await rated(a, ana.id, 5, T0 + 3);
      await rated(a, bob.id, 1, T0 + 4);
      await rated(a, null, 4, T0 + 5);
      await rated(b, ana.id, 2, T0 + 6);

      const listed = await store().listRatings({ inboxIds: [a], agentId: ana.id, limit: 10 });
      assert.deepEqual(
        listed.map((r) => r.id),
        [r3.id, r2.id, r1.id],
      );
      assert.deepEqual(
        (await store().listRatings({ inboxIds: [a], agentId: ana.id, from: T0 + 2, limit: 1 })).map(
          (r) => r.id,
        ),
        [r3.id],
      );
      assert.deepEqual(await store().listRatings({ inboxIds: [a], agentId: uid('nobody'), limit: 10 }), []);

      const sorted = (rows: Awaited<ReturnType<Store['countRatings']>>) =>
        rows
          .map(
            (r) =>
              `${r.inboxId === a ? 'a' : 'b'} ${r.agentId === ana.id ? 'ana' : r.agentId === bob.id ? 'bob' : '-'} ${r.score}x${r.count}`,
          )
          .sort();
      assert.deepEqual(sorted(await store().countRatings({ inboxIds: [a, b] })), [
        'a - 4x1',
        'a ana 3x1',
        'a ana 5x2',
        'a bob 1x1',
        'b ana 2x1',
      ]);
      assert.deepEqual(
        sorted(await store().countRatings({ inboxIds: [a, b], agentId: ana.id, to: T0 + 3 })),
        ['a ana 3x1', 'a ana 5x1'],
      );
      assert.deepEqual(sorted(await store().countRatings({ inboxIds: [b], from: T0 + 7 })), []);
      assert.deepEqual(await store().countRatings({ inboxIds: [] }), []);
    });

    it('counts the resolutions in the activity trail', async () => {
      const { conversation } = await newConversation(store());
      const resolved = (k: number) =>
        store().recordActivity({
          id: randomUUID(),
          conversationId: conversation.id,
          kind: k % 2 === 0 ? 'resolved' : 'reopened',
          actorType: 'agent',
          actorId: null,
          detail: {},
          createdAt: T0 + k,
        });
      assert.equal(await store().countResolutions(conversation.id), 0);
      for (const k of [0, 1, 2]) await resolved(k);
      assert.equal(await store().countResolutions(conversation.id), 2);
    });
  });

  describe('business hours', () => {
    it('keeps one schedule per inbox, replaced by the last write', async () => {
      const [a, b] = [uid('inbox'), uid('inbox')];
      assert.equal(await store().inboxHours(a), undefined);
      await store().setInboxHours(a, '{"timeZone":"Europe/Paris"}', T0);
      await store().setInboxHours(a, '{"timeZone":"America/New_York"}', T0 + 1);
      await store().setInboxHours(b, '{"timeZone":"UTC"}', T0);
      assert.equal(await store().inboxHours(a), '{"timeZone":"America/New_York"}');
      const all = await store().allInboxHours();
      assert.equal(all.get(b), '{"timeZone":"UTC"}');
    });
  });
}
