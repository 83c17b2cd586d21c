import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION, type Agent } from '@candor/protocol';
import { ColleaguePresence, VIEW_REPEAT_MS, VIEW_TTL_MS } from './colleagues';
import { LiveSession } from './session';
import { FakeSocket, ManualTimers } from './test-fakes';

const me: Agent = { id: 'a1', name: 'Me', role: 'agent', active: true, createdAt: 0 };
const bo = { id: 'a2', name: 'Bo' };
const cy = { id: 'a3', name: 'Cy' };

describe('colleague presence', () => {
  let timers: ManualTimers;
  let changes: number;
  let presence: ColleaguePresence;
  let latest: Record<string, readonly { id: string; name: string }[]>;
  beforeEach(() => {
    timers = new ManualTimers();
    changes = 0;
    latest = {};
    presence = new ColleaguePresence(timers, VIEW_TTL_MS, (p) => {
      changes++;
      latest = { ...p };
    });
  });

  it('lists colleagues per conversation in arrival order, and drops one who leaves', () => {
    presence.set('c1', bo, true);
    presence.set('c1', cy, true);
    presence.set('c2', cy, true);
    assert.deepEqual(latest, { c1: [bo, cy], c2: [cy] });
    presence.set('c1', bo, false);
    presence.set('c2', cy, false);
    assert.deepEqual(latest, { c1: [cy] });
  });

  it('reports a change only when something changed, and a repeat restarts the expiry', () => {
    presence.set('c1', bo, true);
    presence.set('c1', bo, true);
    presence.set('c1', cy, false);
    assert.equal(changes, 1);
    assert.deepEqual(timers.delays(), [VIEW_TTL_MS]);
  });

  it('expires a colleague not heard of again (their node died), and clear forgets everyone', () => {
    presence.set('c1', bo, true);
    timers.fireAll();
    assert.deepEqual(latest, {});
    presence.set('c1', cy, true);
    presence.clear();
    assert.deepEqual(latest, {});
    assert.equal(timers.pending.size, 0);
  });
});

describe('session: collision', () => {
  let timers: ManualTimers;
  let session: LiveSession;
  beforeEach(() => {
    FakeSocket.all = [];
    timers = new ManualTimers();
    session = new LiveSession({
      url: 'ws://test',
      socket: FakeSocket,
      me,
      timers,
      random: () => 0,
      now: () => 0,
    });
    session.start();
    const socket = FakeSocket.last;
    socket.serverOpen();
    socket.serverSend({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'agent',
      agent: me,
      conversations: [],
      serverTime: 1,
    });
  });

  it('says it views the open conversation after subscribing, repeats it while open, and stops on leaving', () => {
    const socket = FakeSocket.last;
    session.open('c1');
    const types = socket.sent.map((f) => f.type);
    assert.deepEqual(types.slice(-2), ['conversation.subscribe', 'conversation.view']);
    assert.deepEqual(socket.sentOfType('conversation.view')[0], {
      type: 'conversation.view',
      conversationId: 'c1',
      viewing: true,
    });
    assert.deepEqual(timers.delays(), [VIEW_REPEAT_MS]);
    timers.fireAll();
    assert.equal(socket.sentOfType('conversation.view').length, 2, 'repeated');
    session.open(null);
    assert.equal(timers.pending.size, 0, 'no repeat once left');
    assert.equal(socket.sent.at(-1)?.type, 'conversation.unsubscribe');
  });

  it('shows colleagues viewing, never this agent, and forgets them on disconnect', () => {
    const socket = FakeSocket.last;
    const view = (agent: { id: string; name: string }, viewing: boolean) =>
      socket.serverSend({ type: 'viewing.updated', conversationId: 'c1', agent, viewing });
    view(bo, true);
    view({ id: me.id, name: me.name }, true);
    assert.deepEqual(session.getState().viewers, { c1: [bo] });
    view(bo, false);
    assert.deepEqual(session.getState().viewers, {});
    view(bo, true);
    socket.serverClose(1006);
    assert.deepEqual(session.getState().viewers, {});
  });

  it('ends a colleague typing when their reply arrives', () => {
    const socket = FakeSocket.last;
    socket.serverSend({
      type: 'typing.updated',
      conversationId: 'c1',
      author: { type: 'agent', ...bo },
      typing: true,
    });
    assert.deepEqual(session.getState().agentsTyping, { c1: [bo] });
    socket.serverSend({
      type: 'message.created',
      message: {
        id: 'm',
        conversationId: 'c1',
        seq: 1,
        author: { type: 'agent', ...bo },
        body: 'x',
        clientKey: null,
        createdAt: 1,
      },
    });
    assert.deepEqual(session.getState().agentsTyping, {});
  });
});
