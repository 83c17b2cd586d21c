import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Conversation, Message } from '@candor/protocol';
import {
  applyConversation,
  applyDraft,
  applyVisitorMessage,
  keepOnly,
  noDrafts,
  previewEnabled,
  shownDraft,
} from './visitor-drafts';

function conv(id: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    inboxId: 'default',
    status: 'open',
    visitorId: `v-${id}`,
    visitorName: `Visitor ${id}`,
    assigneeId: 'me',
    assigneeName: 'Me',
    lastSeq: 3,
    lastMessage: { seq: 3, authorType: 'visitor', preview: 'hello', createdAt: 1 },
    createdAt: 1,
    updatedAt: 1,
    preview: { policy: 'on_with_notice', enabled: true },
    ...over,
  };
}

function msg(conversationId: string, authorType: Message['author']['type']): Message {
  return {
    id: 'm4',
    conversationId,
    seq: 4,
    author: { type: authorType, id: 'x', name: 'X' },
    body: 'sent',
    clientKey: null,
    createdAt: 2,
  };
}

const typed = (text: string, conversationId = 'c1') => ({ conversationId, text });

describe('visitor drafts', () => {
  it('shows the latest draft of the open conversation, each update replacing the last', () => {
    let drafts = applyDraft(noDrafts, typed('my card is'), 'c1');
    drafts = applyDraft(drafts, typed('my card is card •••• 4242'), 'c1');
    assert.equal(shownDraft(drafts, 'c1'), 'my card is card •••• 4242');
  });

  it('keeps the same object for a repeated draft, so nothing re-renders', () => {
    const drafts = applyDraft(noDrafts, typed('hi'), 'c1');
    assert.equal(applyDraft(drafts, typed('hi'), 'c1'), drafts);
  });

  it('clears on an empty draft', () => {
    const drafts = applyDraft(applyDraft(noDrafts, typed('hi'), 'c1'), typed(''), 'c1');
    assert.equal(shownDraft(drafts, 'c1'), null);
    assert.deepEqual(drafts, {});
  });

  it('clears when the visitor sends a message, not when an agent does', () => {
    const drafts = applyDraft(noDrafts, typed('hi'), 'c1');
    assert.equal(applyVisitorMessage(drafts, msg('c1', 'agent')), drafts);
    assert.equal(applyVisitorMessage(drafts, msg('c1', 'system')), drafts);
    assert.equal(shownDraft(applyVisitorMessage(drafts, msg('c1', 'visitor')), 'c1'), null);
  });

  it('clears when the conversation says the preview is no longer enabled', () => {
    const drafts = applyDraft(noDrafts, typed('hi'), 'c1');
    const off = conv('c1', { preview: { policy: 'on_with_notice', enabled: false } });
    assert.equal(shownDraft(applyConversation(drafts, off, 3), 'c1'), null);
    const policyOff = conv('c1', { preview: { policy: 'off', enabled: true } });
    assert.equal(shownDraft(applyConversation(drafts, policyOff, 3), 'c1'), null);
  });

  it('keeps the draft on an update that brings no new visitor message', () => {
    const drafts = applyDraft(noDrafts, typed('hi'), 'c1');
    assert.equal(applyConversation(drafts, conv('c1', { status: 'resolved' }), 3), drafts);
  });

  it('clears on an update that brings a visitor message not seen yet', () => {
    const drafts = applyDraft(noDrafts, typed('hi'), 'c1');
    const sent = conv('c1', {
      lastSeq: 4,
      lastMessage: { seq: 4, authorType: 'visitor', preview: 'hi', createdAt: 2 },
    });
    assert.equal(shownDraft(applyConversation(drafts, sent, 3), 'c1'), null);
  });

  it('does not show the draft of another conversation', () => {
    const drafts = applyDraft(noDrafts, typed('for c1'), 'c1');
    assert.equal(shownDraft(drafts, 'c2'), null);
    assert.equal(shownDraft(drafts, null), null);
  });

  it('ignores drafts of conversations that are not open', () => {
    assert.deepEqual(applyDraft(noDrafts, typed('elsewhere', 'c2'), 'c1'), {});
  });

  it('drops the previous conversation draft on switching, so switching back shows no stale text', () => {
    const drafts = applyDraft(noDrafts, typed('for c1'), 'c1');
    const switched = keepOnly(drafts, 'c2');
    assert.equal(shownDraft(switched, 'c2'), null);
    assert.equal(shownDraft(keepOnly(switched, 'c1'), 'c1'), null);
    assert.equal(keepOnly(drafts, 'c1'), drafts);
  });
});

describe('preview enabled', () => {
  it('needs both the inbox policy and the visitor choice', () => {
    assert.equal(previewEnabled({ policy: 'on_with_notice', enabled: true }), true);
    assert.equal(previewEnabled({ policy: 'opt_in', enabled: true }), true);
    assert.equal(previewEnabled({ policy: 'opt_in', enabled: false }), false);
    assert.equal(previewEnabled({ policy: 'off', enabled: true }), false);
  });
});
