/** Contract: finding and patching conversations, and per-agent read markers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../store';
import { newAgent, newConversation, newVisitor, T0, uid, visitorSays } from './fixtures';

export function conversationContract(store: () => Store): void {
  describe('conversations', () => {
    it('lists by inbox, status and assignee, most recently updated first or oldest first, and counts them', async () => {
      const [inbox, other] = [uid('inbox'), uid('inbox')];
      const agent = await newAgent(store());
      const c1 = (await newConversation(store(), { inboxId: inbox, now: T0 + 1 })).conversation.id;
      const c2 = (await newConversation(store(), { inboxId: inbox, now: T0 + 2 })).conversation.id;
      const c3 = (await newConversation(store(), { inboxId: inbox, now: T0 + 3 })).conversation.id;
      const c4 = (await newConversation(store(), { inboxId: other, now: T0 + 4 })).conversation.id;
      await store().updateConversation(c1, { assigneeId: agent.id, now: T0 + 5 });
      await store().updateConversation(c2, { status: 'resolved', now: T0 + 6 });
      const list = async (q: {
        status?: 'open' | 'resolved';
        assigneeId?: string | null;
        limit?: number;
        order?: 'newest' | 'oldest';
      }) => (await store().listConversations({ inboxIds: [inbox], limit: 10, ...q })).map((c) => c.id);

      assert.deepEqual(await list({}), [c2, c1, c3]);
      assert.deepEqual(await list({ limit: 2 }), [c2, c1]);
      assert.deepEqual(await list({ status: 'open' }), [c1, c3]);
      assert.deepEqual(await list({ status: 'resolved' }), [c2]);
      assert.deepEqual(await list({ assigneeId: agent.id }), [c1]);
      assert.deepEqual(await list({ assigneeId: null }), [c2, c3]);
      assert.deepEqual(await list({ status: 'open', assigneeId: null }), [c3]);
      assert.deepEqual(await list({ order: 'oldest' }), [c3, c1, c2]);
      assert.deepEqual(await list({ status: 'open', order: 'oldest', limit: 1 }), [c3]);
      const count = (q: { status?: 'open' | 'resolved'; assigneeId?: string | null }) =>
        store().countConversations({ inboxIds: [inbox], ...q });
      assert.equal(await count({}), 3);
      assert.equal(await count({ status: 'open' }), 2);
      assert.equal(await count({ status: 'open', assigneeId: null }), 1);
      assert.equal(await count({ assigneeId: agent.id }), 1);
      assert.equal(await store().countConversations({ inboxIds: [inbox, other] }), 4);
      assert.equal(await store().countConversations({ inboxIds: [] }), 0);
      const both = await store().listConversations({ inboxIds: [inbox, other], limit: 10 });
      assert.deepEqual(
        both.map((c) => c.id),
        [c2, c1, c4, c3],
      );
      assert.deepEqual(await store().listConversations({ inboxIds: [], limit: 10 }), []);
    });

    it("lists a visitor's conversations newest first", async () => {
      const visitor = await newVisitor(store());
      const start = (now: number) =>
        store().startConversation(
          { id: uid('c'), inboxId: 'x', visitorId: visitor.id },
          visitorSays(visitor.id, 'hi', { now }),
        );
      const older = await start(T0);
      const newer = await start(T0 + 10);
      const list = await store().listVisitorConversations(visitor.id, 10);
      assert.deepEqual(list, [newer.conversation, older.conversation]);
      assert.deepEqual(await store().listVisitorConversations(visitor.id, 1), [newer.conversation]);
    });

    it('patches only what is given and returns the updated conversation', async () => {
      const { conversation } = await newConversation(store());
      const agent = await newAgent(store());
      const assigned = await store().updateConversation(conversation.id, {
        assigneeId: agent.id,
        now: T0 + 1,
      });
      assert.deepEqual(assigned, { ...conversation, assigneeId: agent.id, updatedAt: T0 + 1 });
      const resolved = await store().updateConversation(conversation.id, { status: 'resolved', now: T0 + 2 });
      assert.deepEqual([resolved?.status, resolved?.assigneeId], ['resolved', agent.id]);
      const unassigned = await store().updateConversation(conversation.id, { assigneeId: null, now: T0 + 3 });
      assert.deepEqual(await store().getConversation(conversation.id), unassigned);
      assert.equal(unassigned?.assigneeId, null);
    });

    it('returns undefined when patching or reading an unknown conversation', async () => {
      assert.equal(await store().updateConversation(uid('nope'), { status: 'resolved', now: T0 }), undefined);
      assert.equal(await store().getConversation(uid('nope')), undefined);
    });
  });

  describe('read markers', () => {
    it('counts visitor messages after the marker, which only moves forward, per agent', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const [me, colleague] = [await newAgent(store()), await newAgent(store())];
      const id = conversation.id;
      const reply = {
        authorType: 'agent',
        authorId: me.id,
        body: 'hi',
        clientKey: uid('k'),
        now: T0,
      } as const;
      await store().appendMessage(id, reply); // seq 2: an agent's message is never unread
      await store().appendMessage(id, visitorSays(visitorId, 'three'));
      await store().appendMessage(id, visitorSays(visitorId, 'four'));
      const state = async (agentId: string) => (await store().readStates(agentId, [id])).get(id);

      assert.deepEqual(await state(me.id), { lastReadSeq: 0, unread: 3 });
      await store().markRead(me.id, id, 2);
      assert.deepEqual(await state(me.id), { lastReadSeq: 2, unread: 2 });
      await store().markRead(me.id, id, 1);
      assert.deepEqual(await state(me.id), { lastReadSeq: 2, unread: 2 });
      await store().markRead(me.id, id, 4);
      assert.deepEqual(await state(me.id), { lastReadSeq: 4, unread: 0 });
      assert.deepEqual(await state(colleague.id), { lastReadSeq: 0, unread: 3 });
    });

    it('answers for every conversation asked for, in one call', async () => {
      const agent = await newAgent(store());
      const a = await newConversation(store());
      const b = await newConversation(store());
      await store().markRead(agent.id, a.conversation.id, 1);
      const missing = uid('nope');
      const states = await store().readStates(agent.id, [a.conversation.id, b.conversation.id, missing]);
      assert.deepEqual(Object.fromEntries(states), {
        [a.conversation.id]: { lastReadSeq: 1, unread: 0 },
        [b.conversation.id]: { lastReadSeq: 0, unread: 1 },
        [missing]: { lastReadSeq: 0, unread: 0 },
      });
      assert.equal((await store().readStates(agent.id, [])).size, 0);
    });
  });
}
