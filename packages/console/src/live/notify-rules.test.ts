import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentPreferences, Conversation } from '@candor/protocol';
import { applySnapshot, type InboxEntry } from './inbox-state';
import { alertFor, alertForTransfer, titleCount, titleFor, wanted } from './notify-rules';

const ME = 'me';
const ctx = { meId: ME, watchedId: null };

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
    lastMessage: { seq: 1, authorType: 'visitor', preview: 'hi', createdAt: 1 },
    createdAt: 1,
    updatedAt: 1,
    preview: { policy: 'on_with_notice', enabled: false },
    ...over,
  };
}
const held = (c: Conversation): InboxEntry => applySnapshot([c])[c.id]!;
const said = (seq: number, authorType: 'visitor' | 'agent' = 'visitor') => ({
  lastSeq: seq,
  lastMessage: { seq, authorType, preview: 'x', createdAt: seq },
});

describe('alertFor', () => {
  it('a conversation entering the queue is a new conversation; one a colleague holds is not', () => {
    assert.equal(alertFor(undefined, conv('c1'), ctx)?.kind, 'newConversation');
    assert.equal(alertFor(undefined, conv('c1', { assigneeId: 'bo' }), ctx), null);
    const reopened = alertFor(held(conv('c1', { status: 'resolved' })), conv('c1'), ctx);
    assert.equal(reopened?.kind, 'newConversation');
  });

  it('an assignment or transfer to me is said once, whoever had it before', () => {
    assert.equal(alertFor(undefined, conv('c1', { assigneeId: ME }), ctx)?.kind, 'assigned');
    assert.equal(alertFor(held(conv('c1')), conv('c1', { assigneeId: ME }), ctx)?.kind, 'assigned');
    assert.equal(
      alertFor(held(conv('c1', { assigneeId: 'bo' })), conv('c1', { assigneeId: ME }), ctx)?.kind,
      'assigned',
    );
    assert.equal(alertFor(held(conv('c1', { assigneeId: ME })), conv('c1', { assigneeId: ME }), ctx), null);
    assert.equal(alertFor(held(conv('c1', { assigneeId: ME })), conv('c1', { assigneeId: 'bo' }), ctx), null);
  });

  it("a visitor's new message alerts only in my conversations, never a colleague's, never my own reply", () => {
    const mine = conv('c1', { assigneeId: ME });
    assert.equal(alertFor(held(mine), { ...mine, ...said(2) }, ctx)?.kind, 'newMessage');
    assert.equal(alertFor(held(mine), { ...mine, ...said(2, 'agent') }, ctx), null);
    assert.equal(alertFor(held(mine), { ...mine, status: 'open' }, ctx), null, 'same message again');
    const theirs = conv('c2', { assigneeId: 'bo' });
    assert.equal(alertFor(held(theirs), { ...theirs, ...said(2) }, ctx), null);
    const queued = conv('c3');
    assert.equal(
      alertFor(held(queued), { ...queued, ...said(2) }, ctx),
      null,
      'the queue counts in the title',
    );
  });

  it('nothing for the conversation the agent is looking at, nor for a resolved one', () => {
    const mine = conv('c1', { assigneeId: ME });
    assert.equal(alertFor(held(mine), { ...mine, ...said(2) }, { meId: ME, watchedId: 'c1' }), null);
    assert.equal(alertFor(undefined, conv('c1', { assigneeId: ME }), { meId: ME, watchedId: 'c1' }), null);
    assert.equal(alertFor(undefined, conv('c1', { status: 'resolved' }), ctx), null);
  });
});

describe('wanted', () => {
  it('follows the per-event preferences', () => {
    const prefs: AgentPreferences = {
      notify: { newConversation: false, newMessage: true, assigned: true },
      sound: true,
      desktop: true,
    };
    assert.equal(wanted({ kind: 'newConversation', conversationId: 'c', visitorName: 'v' }, prefs), false);
    assert.equal(wanted({ kind: 'assigned', conversationId: 'c', visitorName: 'v' }, prefs), true);
  });
});

describe('titleCount', () => {
  it("counts the unassigned queue and my conversations with unread, not colleagues' nor resolved ones", () => {
    const inbox = applySnapshot([
      conv('queue1'),
      conv('queue2', { unread: 3 }),
      conv('mineUnread', { assigneeId: ME, unread: 2 }),
      conv('mineRead', { assigneeId: ME, unread: 0 }),
      conv('boUnread', { assigneeId: 'bo', unread: 5 }),
      conv('resolvedQueue', { status: 'resolved' }),
      conv('resolvedMine', { status: 'resolved', assigneeId: ME, unread: 1 }),
    ]);
    assert.equal(titleCount(inbox, ME), 3);
    assert.equal(titleCount({}, ME), 0);
  });

  it('makes the title', () => {
    assert.equal(titleFor(0), 'Candor');
    assert.equal(titleFor(4), '(4) Candor');
  });
});

describe('alertForTransfer', () => {
  const transfer = (
    over: { toTeamId?: string | null; toAgentId?: string | null; byAgentId?: string } = {},
  ) => ({
    type: 'conversation.transferred' as const,
    conversationId: 'c1',
    fromAgentId: 'bo',
    toAgentId: null,
    toTeamId: 'billing',
    note: 'refund',
    byAgentId: 'bo',
    ...over,
  });
  const team = { ...ctx, teamIds: ['billing'], status: 'online' as const };
  const entry = held(conv('c1'));

  it('tells an online member of the team, as "transferred to your team"', () => {
    const alert = alertForTransfer(transfer(), entry, team);
    assert.deepEqual(alert, {
      kind: 'assigned',
      conversationId: 'c1',
      visitorName: 'Visitor c1',
      toTeam: true,
    });
    assert.ok(
      alert &&
        wanted(alert, {
          notify: { newConversation: false, newMessage: false, assigned: true },
          sound: true,
          desktop: true,
        }),
    );
  });

  it('not a member, not online, the one who transferred, or one already looking: no alert', () => {
    assert.equal(alertForTransfer(transfer(), entry, { ...team, teamIds: ['sales'] }), null);
    assert.equal(alertForTransfer(transfer(), entry, { ...team, status: 'away' }), null);
    assert.equal(alertForTransfer(transfer(), entry, { ...team, status: 'offline' }), null);
    assert.equal(alertForTransfer(transfer({ byAgentId: ME }), entry, team), null);
    assert.equal(alertForTransfer(transfer(), entry, { ...team, watchedId: 'c1' }), null);
    assert.equal(alertForTransfer(transfer(), held(conv('c1', { status: 'resolved' })), team), null);
  });

  it('a transfer to an agent is left to the update that makes it theirs', () => {
    assert.equal(alertForTransfer(transfer({ toTeamId: null, toAgentId: ME }), entry, team), null);
    const mine = alertFor(held(conv('c1', { assigneeId: 'bo' })), conv('c1', { assigneeId: ME }), ctx);
    assert.equal(mine?.kind, 'assigned');
  });

  it('a status not known yet counts as online: the console is open', () => {
    assert.equal(alertForTransfer(transfer(), entry, { ...team, status: null })?.toTeam, true);
  });
});
