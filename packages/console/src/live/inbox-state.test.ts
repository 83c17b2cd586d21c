import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Conversation } from '@candor/protocol';
import {
  applyRouting,
  applySnapshot,
  applyUpdate,
  emptyInbox,
  listTab,
  markRead,
  tabUnread,
  totalUnread,
  upsertConversation,
} from './inbox-state';

const ME = 'agent-me';

function conv(id: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    inboxId: 'default',
    status: 'open',
    visitorId: `v-${id}`,
    visitorName: `Visitor ${id}`,
    assigneeId: null,
    assigneeName: null,
    lastSeq: 1,
    lastMessage: { seq: 1, authorType: 'visitor', preview: 'hello', createdAt: 1000 },
    createdAt: 1000,
    updatedAt: 1000,
    preview: { policy: 'on_with_notice', enabled: true },
    ...over,
  };
}

/** The conversation after a new message with this seq and author, `dt` ms later. */
function withMessage(c: Conversation, seq: number, authorType: 'visitor' | 'agent' | 'system'): Conversation {
  const at = c.updatedAt + 10;
  return {
    ...c,
    lastSeq: seq,
    updatedAt: at,
    lastMessage: { seq, authorType, preview: `m${seq}`, createdAt: at },
  };
}

const ids = (entries: { id: string }[]) => entries.map((e) => e.id);

describe('tabs', () => {
  const inbox = applySnapshot([
    conv('new-1'),
    conv('mine-1', { assigneeId: ME, assigneeName: 'Me' }),
    conv('theirs-1', { assigneeId: 'other', assigneeName: 'Other' }),
    conv('resolved-mine', { status: 'resolved', assigneeId: ME }),
    conv('resolved-none', { status: 'resolved' }),
  ]);

  it('New holds open conversations nobody is assigned to', () => {
    assert.deepEqual(ids(listTab(inbox, 'new', ME)), ['new-1']);
  });

  it('Mine holds open conversations assigned to me, not resolved ones', () => {
    assert.deepEqual(ids(listTab(inbox, 'mine', ME)), ['mine-1']);
  });

  it('All holds everything, resolved and assigned to others included', () => {
    assert.deepEqual(ids(listTab(inbox, 'all', ME)).sort(), [
      'mine-1',
      'new-1',
      'resolved-mine',
      'resolved-none',
      'theirs-1',
    ]);
  });

  it('a conversation moves from New to Mine when assigned to me', () => {
    const next = applyUpdate(inbox, { ...conv('new-1'), assigneeId: ME, updatedAt: 2000 }, null);
    assert.deepEqual(ids(listTab(next, 'new', ME)), []);
    assert.deepEqual(ids(listTab(next, 'mine', ME)).sort(), ['mine-1', 'new-1']);
  });

  it('a conversation leaves New and Mine when resolved', () => {
    const next = applyUpdate(
      inbox,
      { ...conv('mine-1', { assigneeId: ME }), status: 'resolved', updatedAt: 2000 },
      null,
    );
    assert.deepEqual(ids(listTab(next, 'mine', ME)), []);
  });
});

describe('ordering', () => {
  it('sorts by updatedAt, most recent first', () => {
    const inbox = applySnapshot([
      conv('a', { updatedAt: 1 }),
      conv('b', { updatedAt: 3 }),
      conv('c', { updatedAt: 2 }),
    ]);
    assert.deepEqual(ids(listTab(inbox, 'all', ME)), ['b', 'c', 'a']);
  });

  it('moves a conversation to the top when it gets a new message', () => {
    let inbox = applySnapshot([conv('a', { updatedAt: 1 }), conv('b', { updatedAt: 2 })]);
    inbox = applyUpdate(inbox, withMessage(conv('a', { updatedAt: 5 }), 2, 'visitor'), null);
    assert.deepEqual(ids(listTab(inbox, 'all', ME)), ['a', 'b']);
  });

  it('keeps a stable order for equal updatedAt', () => {
    const inbox = applySnapshot([conv('b'), conv('a'), conv('c')]);
    assert.deepEqual(ids(listTab(inbox, 'all', ME)), ['a', 'b', 'c']);
  });
});

describe('snapshot', () => {
  it('replaces the whole state, dropping conversations it does not list', () => {
    let inbox = applySnapshot([conv('a'), conv('b')]);
    inbox = applySnapshot([conv('b', { unread: 4 })]);
    assert.deepEqual(Object.keys(inbox), ['b']);
    assert.equal(inbox.b?.unread, 4);
  });

  it('takes unread and lastReadSeq from the server, defaulting to 0', () => {
    const inbox = applySnapshot([conv('a', { unread: 2, lastReadSeq: 3 }), conv('b')]);
    assert.equal(inbox.a?.unread, 2);
    assert.equal(inbox.a?.lastReadSeq, 3);
    assert.equal(inbox.b?.unread, 0);
    assert.equal(inbox.b?.lastReadSeq, 0);
  });
});

describe('unread', () => {
  const start = conv('a', { unread: 1, lastReadSeq: 0 });

  it('grows by one for each new visitor message while the conversation is not open', () => {
    let inbox = applySnapshot([start]);
    const m2 = withMessage(start, 2, 'visitor');
    inbox = applyUpdate(inbox, m2, null);
    inbox = applyUpdate(inbox, withMessage(m2, 3, 'visitor'), null);
    assert.equal(inbox.a?.unread, 3);
  });

  it('does not grow for agent or system messages', () => {
    let inbox = applySnapshot([start]);
    const m2 = withMessage(start, 2, 'agent');
    inbox = applyUpdate(inbox, m2, null);
    inbox = applyUpdate(inbox, withMessage(m2, 3, 'system'), null);
    assert.equal(inbox.a?.unread, 1);
  });

  it('does not grow while the conversation is open', () => {
    const inbox = applyUpdate(
      applySnapshot([{ ...start, unread: 0 }]),
      withMessage(start, 2, 'visitor'),
      'a',
    );
    assert.equal(inbox.a?.unread, 0);
  });

  it('does not count the same last message twice when only status or assignee changed', () => {
    let inbox = applySnapshot([start]);
    const m2 = withMessage(start, 2, 'visitor');
    inbox = applyUpdate(inbox, m2, null);
    inbox = applyUpdate(inbox, { ...m2, assigneeId: ME, updatedAt: m2.updatedAt + 1 }, null);
    assert.equal(inbox.a?.unread, 2);
  });

  it('does not count visitor messages at or before the read mark', () => {
    let inbox = applySnapshot([conv('a', { lastSeq: 1, lastMessage: null, unread: 0 })]);
    inbox = markRead(inbox, 'a', 5);
    inbox = applyUpdate(inbox, withMessage(conv('a'), 5, 'visitor'), null);
    assert.equal(inbox.a?.unread, 0);
  });

  it('resets to 0 when the conversation is read, and counts again after', () => {
    let inbox = applySnapshot([{ ...start, unread: 3, lastSeq: 3 }]);
    inbox = markRead(inbox, 'a', 3);
    assert.equal(inbox.a?.unread, 0);
    assert.equal(inbox.a?.lastReadSeq, 3);
    inbox = applyUpdate(inbox, withMessage({ ...start, lastSeq: 3 }, 4, 'visitor'), null);
    assert.equal(inbox.a?.unread, 1);
  });

  it('starts a conversation new to the inbox at 1 when its last message is from the visitor', () => {
    const inbox = applyUpdate(emptyInbox, conv('fresh'), null);
    assert.equal(inbox.fresh?.unread, 1);
  });

  it('ignores an update older than the one held', () => {
    let inbox = applySnapshot([conv('a', { updatedAt: 50, lastSeq: 4, status: 'resolved' })]);
    inbox = applyUpdate(inbox, conv('a', { updatedAt: 40, lastSeq: 3 }), null);
    assert.equal(inbox.a?.status, 'resolved');
    assert.equal(inbox.a?.lastSeq, 4);
  });

  it('keeps unread when an ack or history carries the conversation', () => {
    let inbox = applySnapshot([conv('a', { unread: 2 })]);
    inbox = upsertConversation(inbox, conv('a', { status: 'resolved', updatedAt: 2000 }));
    assert.equal(inbox.a?.unread, 2);
    assert.equal(inbox.a?.status, 'resolved');
  });

  it('sums per tab and in total', () => {
    const inbox = applySnapshot([
      conv('n', { unread: 2 }),
      conv('m', { unread: 3, assigneeId: ME }),
      conv('r', { unread: 1, status: 'resolved' }),
    ]);
    assert.equal(tabUnread(inbox, 'new', ME), 2);
    assert.equal(tabUnread(inbox, 'mine', ME), 3);
    assert.equal(tabUnread(inbox, 'all', ME), 6);
    assert.equal(totalUnread(inbox), 6);
  });
});

describe('routing in the list: team filter and live routing.updated', () => {
  const inbox = applySnapshot([
    conv('billing', { teamId: 't-billing', priority: 'high', requiredSkills: ['de'], tags: ['vip'] }),
    conv('sales', { teamId: 't-sales', tags: ['vip'] }),
    conv('none', { teamId: null }),
  ]);

  it('filters by team, by tag, and by both', () => {
    assert.deepEqual(ids(listTab(inbox, 'all', ME, { teamId: 't-billing' })), ['billing']);
    assert.deepEqual(ids(listTab(inbox, 'all', ME, { tag: 'vip' })).sort(), ['billing', 'sales']);
    assert.deepEqual(ids(listTab(inbox, 'all', ME, { tag: 'vip', teamId: 't-sales' })), ['sales']);
    assert.equal(listTab(inbox, 'all', ME, { teamId: null, tag: null }).length, 3);
  });

  it('keeps routing fields through a conversation.updated that does not carry them', () => {
    const billing = inbox.billing!;
    const { priority: _p, teamId: _t, requiredSkills: _s, tags: _g, ...plain } = billing;
    const next = applyUpdate(inbox, { ...plain, updatedAt: billing.updatedAt + 1 }, null).billing;
    assert.equal(next?.teamId, 't-billing');
    assert.equal(next?.priority, 'high');
    assert.deepEqual(next?.requiredSkills, ['de']);
  });

  it('takes a routing.updated as the new whole routing state', () => {
    const next = applyRouting(inbox, {
      type: 'routing.updated',
      conversationId: 'none',
      priority: 'urgent',
      teamId: 't-billing',
      requiredSkills: ['fr'],
    });
    assert.deepEqual(ids(listTab(next, 'all', ME, { teamId: 't-billing' })).sort(), ['billing', 'none']);
    assert.equal(next.none?.priority, 'urgent');
    assert.deepEqual(next.none?.requiredSkills, ['fr']);
    assert.equal(
      applyRouting(inbox, {
        type: 'routing.updated',
        conversationId: 'gone',
        priority: 'low',
        teamId: null,
        requiredSkills: [],
      }),
      inbox,
    );
  });
});
