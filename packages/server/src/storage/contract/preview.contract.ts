/** Typing preview storage: policies, the switch with its consent trail, redaction rules and events. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INBOX_ID } from '../../domain/types';
import type { Store } from '../store';
import { newConversation, T0, uid } from './fixtures';

export function previewContract(store: () => Store): void {
  describe('typing preview', () => {
    it('inboxes start "on with notice", and an admin can change the policy', async () => {
      const inbox = (await store().listInboxes()).find((i) => i.id === DEFAULT_INBOX_ID);
      assert.equal(inbox?.previewPolicy, 'on_with_notice');
      assert.equal((await store().updateInboxPolicy(DEFAULT_INBOX_ID, 'opt_in'))?.previewPolicy, 'opt_in');
      assert.equal(
        (await store().listInboxes()).find((i) => i.id === DEFAULT_INBOX_ID)?.previewPolicy,
        'opt_in',
      );
      await store().updateInboxPolicy(DEFAULT_INBOX_ID, 'on_with_notice');
      assert.equal(await store().updateInboxPolicy('no-such-inbox', 'off'), undefined);
    });

    it('a conversation starts with the preview off; each switch is kept with its consent record', async () => {
      const { conversation, visitorId } = await newConversation(store());
      assert.equal(conversation.previewEnabled, false);
      const consent = { visitorId, policy: 'on_with_notice' as const, noticeShown: true };
      const on = await store().setPreview(conversation.id, { ...consent, enabled: true, createdAt: T0 + 1 });
      assert.equal(on?.previewEnabled, true);
      await store().setPreview(conversation.id, { ...consent, enabled: false, createdAt: T0 + 2 });
      assert.equal((await store().getConversation(conversation.id))?.previewEnabled, false);
      const trail = await store().listConsents(conversation.id);
      assert.deepEqual(
        trail.map((c) => [c.enabled, c.noticeShown, c.createdAt]),
        [
          [true, true, T0 + 1],
          [false, true, T0 + 2],
        ],
      );
      assert.equal(
        await store().setPreview(uid('c'), { ...consent, enabled: true, createdAt: T0 }),
        undefined,
      );
    });

    it('a tightened policy turns off every switch left on in that inbox, with a consent record each', async () => {
      const inboxId = uid('inbox');
      const [on, off] = [
        await newConversation(store(), { inboxId }),
        await newConversation(store(), { inboxId }),
      ];
      const elsewhere = await newConversation(store());
      const consent = {
        policy: 'on_with_notice' as const,
        noticeShown: true,
        enabled: true,
        createdAt: T0 + 1,
      };
      await store().setPreview(on.conversation.id, { ...consent, visitorId: on.visitorId });
      await store().setPreview(elsewhere.conversation.id, { ...consent, visitorId: elsewhere.visitorId });
      assert.equal(await store().resetPreviews(inboxId, { policy: 'opt_in', createdAt: T0 + 2 }), 1);
      const enabled = async (id: string) => (await store().getConversation(id))?.previewEnabled;
      assert.equal(await enabled(on.conversation.id), false);
      assert.equal(await enabled(off.conversation.id), false);
      assert.equal(await enabled(elsewhere.conversation.id), true, 'another inbox is left alone');
      assert.deepEqual(
        (await store().listConsents(on.conversation.id)).map((c) => [
          c.policy,
          c.enabled,
          c.noticeShown,
          c.createdAt,
        ]),
        [
          ['on_with_notice', true, true, T0 + 1],
          ['opt_in', false, false, T0 + 2],
        ],
      );
      assert.deepEqual(
        await store().listConsents(off.conversation.id),
        [],
        'nothing to record where it was off',
      );
    });

    it('keeps redaction rules, and redaction events without any secret', async () => {
      const rule = { id: uid('r'), label: 'Member number', pattern: 'M-\\d{6}', validator: 'none' as const };
      await store().createRedactionRule({ ...rule, createdBy: 'admin', now: T0 });
      assert.deepEqual(
        (await store().listRedactionRules()).find((r) => r.id === rule.id),
        rule,
      );
      assert.equal(await store().deleteRedactionRule(rule.id), true);
      assert.equal(await store().deleteRedactionRule(rule.id), false);

      const { conversation, message } = await newConversation(store());
      const event = {
        conversationId: conversation.id,
        messageId: message.id,
        kind: 'card',
        label: 'card',
        createdAt: T0,
      };
      await store().recordRedactions([event, { ...event, kind: 'code', label: 'code' }]);
      assert.deepEqual((await store().listRedactionEvents(conversation.id)).map((e) => e.kind).sort(), [
        'card',
        'code',
      ]);
    });
  });
}
