/** Contract: agents' notification preferences, and how far agents have read a conversation. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store } from '../store';
import { newAgent, newConversation, T0, uid, visitorSays } from './fixtures';

export function preferenceContract(store: () => Store): void {
  describe('agent preferences', () => {
    it('keeps one value per agent, replaced by the last write', async () => {
      const [ada, bob] = [await newAgent(store()), await newAgent(store())];
      assert.equal(await store().agentPreferences(ada.id), undefined);
      await store().setAgentPreferences(ada.id, '{"sound":false}', T0);
      await store().setAgentPreferences(ada.id, '{"sound":true,"é":"ü"}', T0 + 1);
      assert.equal(await store().agentPreferences(ada.id), '{"sound":true,"é":"ü"}');
      assert.equal(await store().agentPreferences(bob.id), undefined);
      assert.equal(await store().agentPreferences(uid('nobody')), undefined);
    });
  });

  describe('seen by agents', () => {
    it('gives the highest seq any agent read, per conversation, and omits the unread ones', async () => {
      const [ada, bob] = [await newAgent(store()), await newAgent(store())];
      const a = await newConversation(store());
      const b = await newConversation(store());
      const id = a.conversation.id;
      await store().appendMessage(id, visitorSays(a.visitorId, 'two'));
      await store().appendMessage(id, visitorSays(a.visitorId, 'three'));
      await store().markRead(ada.id, id, 1);
      await store().markRead(bob.id, id, 3);
      await store().markRead(ada.id, id, 2);
      const seen = await store().seenSeqs([id, b.conversation.id, uid('nope')]);
      assert.deepEqual(Object.fromEntries(seen), { [id]: 3 });
      assert.equal((await store().seenSeqs([])).size, 0);
    });
  });
}
