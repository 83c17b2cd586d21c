/** Notes, the activity trail, tags and canned responses, as every store must keep them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreConflictError, type Store } from '../store';
import { newAgent, newConversation, T0, uid, visitorSays } from './fixtures';

export function agentToolsContract(store: () => Store): void {
  describe('agent tools', () => {
    it('keeps notes apart from messages: no seq taken, the visitor stream stays 1, 2, 3', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const agent = await newAgent(store());
      for (const [i, body] of ['first', 'second', 'third'].entries()) {
        await store().addNote({
          id: uid('n'),
          conversationId: conversation.id,
          authorId: agent.id,
          body,
          createdAt: T0 + 10 + i,
        });
      }
      await store().appendMessage(conversation.id, visitorSays(visitorId, 'after the notes'));
      const messages = await store().listMessages(conversation.id, 0, 10);
      assert.deepEqual(
        messages.map((m) => m.seq),
        [1, 2],
      );
      const notes = await store().listNotes(conversation.id, 2);
      assert.deepEqual(
        notes.map((n) => [n.body, n.createdAt, n.authorId]),
        [
          ['second', T0 + 11, agent.id],
          ['third', T0 + 12, agent.id],
        ],
        'the latest ones, oldest first',
      );
      assert.deepEqual(await store().listNotes(uid('c'), 10), []);
    });

    it('records the activity trail with its actor and detail, oldest first', async () => {
      const { conversation } = await newConversation(store());
      const agent = await newAgent(store());
      await store().recordActivity({
        id: uid('act'),
        conversationId: conversation.id,
        kind: 'assigned',
        actorType: 'system',
        actorId: null,
        detail: { agentId: agent.id, agentName: 'Ada' },
        createdAt: T0 + 1,
      });
      await store().recordActivity({
        id: uid('act'),
        conversationId: conversation.id,
        kind: 'tagged',
        actorType: 'agent',
        actorId: agent.id,
        detail: { tags: ['billing', 'vip'], note: null },
        createdAt: T0 + 2,
      });
      const trail = await store().listActivity(conversation.id, 10);
      assert.deepEqual(
        trail.map((a) => [a.kind, a.actorType, a.actorId, a.detail, a.createdAt]),
        [
          ['assigned', 'system', null, { agentId: agent.id, agentName: 'Ada' }, T0 + 1],
          ['tagged', 'agent', agent.id, { tags: ['billing', 'vip'], note: null }, T0 + 2],
        ],
      );
    });

    it('replaces tags, says what was there before, and filters conversations by tag', async () => {
      const inboxId = uid('inbox');
      const tagged = await newConversation(store(), { inboxId });
      const other = await newConversation(store(), { inboxId });
      const id = tagged.conversation.id;
      assert.deepEqual(await store().setTags(id, ['vip', 'billing'], T0), {
        before: [],
        after: ['billing', 'vip'],
      });
      assert.deepEqual(await store().setTags(id, ['billing', 'refund'], T0 + 1), {
        before: ['billing', 'vip'],
        after: ['billing', 'refund'],
      });
      await store().setTags(other.conversation.id, ['vip'], T0);
      assert.equal(await store().setTags(uid('c'), ['x'], T0), undefined);
      const tags = await store().tagsOf([id, other.conversation.id, uid('c')]);
      assert.deepEqual(Object.fromEntries(tags), {
        [id]: ['billing', 'refund'],
        [other.conversation.id]: ['vip'],
      });
      const byTag = async (tag: string) =>
        (await store().listConversations({ inboxIds: [inboxId], tag, limit: 10 })).map((c) => c.id);
      assert.deepEqual(await byTag('refund'), [id]);
      assert.deepEqual(await byTag('vip'), [other.conversation.id]);
      assert.deepEqual(await byTag('nothing'), []);
      assert.equal(await store().countConversations({ inboxIds: [inboxId], tag: 'billing' }), 1);
      assert.equal(await store().countConversations({ inboxIds: [inboxId] }), 2);
      await store().setTags(id, [], T0 + 2);
      assert.equal((await store().tagsOf([id])).has(id), false);
    });

    it('lists shared canned responses and only the caller’s personal ones; a shortcut is unique per owner and locale', async () => {
      const ada = await newAgent(store());
      const bob = await newAgent(store());
      const shortcut = uid('s').slice(0, 20).toLowerCase();
      const base = {
        shortcut,
        locale: 'en' as const,
        body: 'Hi {{visitor.name}}',
        createdAt: T0,
        updatedAt: T0,
      };
      const sharedId = uid('cr');
      await store().createCannedResponse({ ...base, id: sharedId, ownerId: null });
      await store().createCannedResponse({ ...base, id: uid('cr'), ownerId: ada.id });
      await store().createCannedResponse({ ...base, id: uid('cr'), ownerId: ada.id, locale: 'fr' });
      await store().createCannedResponse({ ...base, id: uid('cr'), ownerId: bob.id });
      await assert.rejects(
        store().createCannedResponse({ ...base, id: uid('cr'), ownerId: ada.id }),
        StoreConflictError,
      );
      await assert.rejects(
        store().createCannedResponse({ ...base, id: uid('cr'), ownerId: null }),
        StoreConflictError,
      );
      const adas = (await store().listCannedResponses(ada.id)).filter((c) => c.shortcut === shortcut);
      const rows = (list: unknown[][]) => list.map((r) => JSON.stringify(r)).sort();
      assert.deepEqual(
        rows(adas.map((c) => [c.ownerId, c.locale])),
        rows([
          [null, 'en'],
          [ada.id, 'en'],
          [ada.id, 'fr'],
        ]),
        "shared and Ada's own, never Bob's",
      );
      assert.equal(await store().countCannedResponses(ada.id), 2);
      assert.equal(await store().countCannedResponses(bob.id), 1);

      const updated = await store().updateCannedResponse(sharedId, { body: 'Hello', now: T0 + 5 });
      assert.deepEqual([updated?.body, updated?.shortcut, updated?.updatedAt], ['Hello', shortcut, T0 + 5]);
      assert.equal((await store().getCannedResponse(sharedId))?.body, 'Hello');
      assert.equal(await store().updateCannedResponse(uid('cr'), { body: 'x', now: T0 }), undefined);
      assert.equal(await store().deleteCannedResponse(sharedId), true);
      assert.equal(await store().deleteCannedResponse(sharedId), false);
      assert.equal(await store().getCannedResponse(sharedId), undefined);
    });

    it('keeps a canned response in no language beside those in English and French, once per owner', async () => {
      const ada = await newAgent(store());
      const shortcut = uid('s').slice(0, 20).toLowerCase();
      const base = { shortcut, body: 'Thanks!', createdAt: T0, updatedAt: T0, ownerId: ada.id };
      const anyId = uid('cr');
      await store().createCannedResponse({ ...base, id: anyId, locale: null });
      await store().createCannedResponse({ ...base, id: uid('cr'), locale: 'en' });
      await store().createCannedResponse({ ...base, id: uid('cr'), locale: 'fr' });
      await assert.rejects(
        store().createCannedResponse({ ...base, id: uid('cr'), locale: null }),
        StoreConflictError,
      );
      assert.equal((await store().getCannedResponse(anyId))?.locale, null);
      const locales = (await store().listCannedResponses(ada.id))
        .filter((c) => c.shortcut === shortcut)
        .map((c) => c.locale);
      assert.deepEqual([...locales].sort(), ['en', 'fr', null].sort());
      await assert.rejects(
        store().updateCannedResponse(anyId, { locale: 'en', now: T0 + 1 }),
        StoreConflictError,
      );
      const fr = (await store().listCannedResponses(ada.id)).find(
        (c) => c.shortcut === shortcut && c.locale === 'fr',
      );
      assert.ok(fr);
      await assert.rejects(
        store().updateCannedResponse(fr.id, { locale: null, now: T0 + 1 }),
        StoreConflictError,
      );
      assert.equal(await store().deleteCannedResponse(anyId), true);
      assert.equal((await store().updateCannedResponse(fr.id, { locale: null, now: T0 + 2 }))?.locale, null);
    });
  });
}
