/**
 * Contract: the bot's inbox switch, a conversation's bot state saved only over the version read (one
 * writer wins, from any node), what a bot message offered, and the queue leaving out what the bot holds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BotStateRecord } from '../bot-store';
import type { Store } from '../store';
import { newConversation, T0, uid } from './fixtures';

export function botContract(store: () => Store): void {
  const state = (conversationId: string, inboxId: string, patch: Partial<BotStateRecord> = {}) => ({
    conversationId,
    inboxId,
    version: 1,
    active: true,
    state: '{"phase":"listening","misses":0}',
    offeredMessageId: null,
    updatedAt: T0,
    ...patch,
  });

  describe('bot', () => {
    it('switches an inbox on and off', async () => {
      const inboxId = uid('inbox');
      assert.ok(!(await store().listBotInboxes()).includes(inboxId));
      await store().setInboxBot(inboxId, true, T0);
      assert.ok((await store().listBotInboxes()).includes(inboxId));
      await store().setInboxBot(inboxId, false, T0 + 1);
      assert.ok(!(await store().listBotInboxes()).includes(inboxId));
    });

    it('saves a state only over the version it read: a second writer of the same step loses', async () => {
      const inboxId = uid('inbox');
      const { conversation } = await newConversation(store(), { inboxId });
      assert.equal(await store().loadBotState(conversation.id), undefined);
      const first = state(conversation.id, inboxId);
      const [a, b] = await Promise.all([
        store().saveBotState(0, first),
        store().saveBotState(0, { ...first, state: '{"phase":"answered"}' }),
      ]);
      assert.deepEqual([a, b].sort(), [false, true], 'one first state');
      const read = await store().loadBotState(conversation.id);
      assert.equal(read?.version, 1);
      const next = state(conversation.id, inboxId, {
        version: 2,
        state: '{"phase":"handed-over","reason":"requested"}',
        active: false,
        offeredMessageId: 'm-1',
        updatedAt: T0 + 5,
      });
      assert.equal(await store().saveBotState(1, next), true);
      assert.equal(await store().saveBotState(1, { ...next, state: '{}' }), false, 'stale version');
      assert.deepEqual(await store().loadBotState(conversation.id), next);
    });

    it('keeps what a bot message offered, read back by message id', async () => {
      const { conversation } = await newConversation(store());
      const meta = {
        messageId: uid('m'),
        conversationId: conversation.id,
        articles: [{ id: 'a1', title: 'Remboursement « rapide »', url: '/help/fr/remboursement' }],
        confidence: 0.873,
        active: true,
      };
      await store().recordBotMessage(meta);
      const found = await store().botMessages([meta.messageId, uid('m')]);
      assert.equal(found.size, 1);
      assert.deepEqual(found.get(meta.messageId), meta);
      assert.equal((await store().botMessages([])).size, 0);
    });

    it('leaves out of the queue what the bot holds, and switching the bot off releases it', async () => {
      const inboxId = uid('inbox');
      const held = await newConversation(store(), { inboxId });
      const waiting = await newConversation(store(), { inboxId, now: T0 + 1 });
      await store().setInboxBot(inboxId, true, T0);
      assert.equal(await store().saveBotState(0, state(held.conversation.id, inboxId)), true);
      assert.deepEqual(
        (await store().listQueue(inboxId, 10)).map((q) => q.id),
        [waiting.conversation.id],
      );
      assert.equal(await store().setInboxBot(inboxId, false, T0 + 2), 1);
      assert.equal((await store().loadBotState(held.conversation.id))?.active, false);
      assert.deepEqual(
        (await store().listQueue(inboxId, 10)).map((q) => q.id),
        [held.conversation.id, waiting.conversation.id],
      );
    });
  });
}
