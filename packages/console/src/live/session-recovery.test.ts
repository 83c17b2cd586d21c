import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION } from '@candor/protocol';
import type { Agent, AgentRole, Conversation } from '@candor/protocol';
import { LiveSession } from './session';
import { FakeSocket, ManualTimers } from './test-fakes';

function agent(role: AgentRole): Agent {
  return { id: 'a1', email: 'me@example.com', name: 'Me', role, active: true, createdAt: 0 };
}

function conv(id: string, over: Partial<Conversation> = {}): Conversation {
  return {
    id,
    inboxId: 'default',
    status: 'open',
    visitorId: `v-${id}`,
    visitorName: `Visitor ${id}`,
    assigneeId: null,
    assigneeName: null,
    lastSeq: 0,
    lastMessage: null,
    createdAt: 1,
    updatedAt: 1,
    preview: { policy: 'on_with_notice', enabled: true },
    ...over,
  };
}

let session: LiveSession;
let keys = 0;

function start(role: AgentRole, conversations: Conversation[] = []): FakeSocket {
  FakeSocket.all = [];
  keys = 0;
  const me = agent(role);
  session = new LiveSession({
    url: 'ws://test',
    socket: FakeSocket,
    me,
    timers: new ManualTimers(),
    random: () => 0,
    now: () => 0,
    newKey: () => `key-${++keys}`,
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
  const [inbox] = socket.sentOfType('inbox.subscribe');
  socket.serverSend({ type: 'inbox.snapshot', ref: inbox?.ref, conversations });
  return socket;
}

describe('session: account recovery', () => {
  it('counts recovery.changed per conversation, so the panel reads its case again', () => {
    const socket = start('agent');
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c1' });
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c1' });
    assert.equal(session.getState().recoveryChanges.c1, 2);
    assert.equal(session.getState().recoveryChanges.c2, undefined);
  });

  it('raises a takeover signal to a supervisor, once per conversation, until it is opened', () => {
    const socket = start('supervisor');
    const heard: string[] = [];
    session.onSignal((id) => heard.push(id));
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c1', signal: true });
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c1', signal: true });
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c2' });
    assert.deepEqual(session.getState().signalAlerts, ['c1']);
    assert.deepEqual(heard, ['c1']);
    session.open('c1');
    assert.deepEqual(session.getState().signalAlerts, []);
  });

  it('does not raise signals to a plain agent (their panel shows the warning)', () => {
    const socket = start('agent');
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c1', signal: true });
    assert.deepEqual(session.getState().signalAlerts, []);
  });

  it('lets an admin dismiss a signal notice', () => {
    const socket = start('admin');
    socket.serverSend({ type: 'recovery.changed', conversationId: 'c9', signal: true });
    session.dismissSignal('c9');
    assert.deepEqual(session.getState().signalAlerts, []);
  });

  it('shows a held reply with the server’s warning and sends it anyway with acknowledgeWarning, same key', () => {
    const socket = start('agent', [conv('c1')]);
    session.open('c1');
    session.send('c1', 'what is your password?');
    const [first] = socket.sentOfType('message.send');
    assert.equal(first?.acknowledgeWarning, undefined);
    const warning = 'This message asks for a password. Support never asks for one.';
    socket.serverSend({ type: 'error', ref: first?.ref, code: 'message_held', message: warning });
    const held = session.getState().outbox[0];
    assert.equal(held?.state, 'failed');
    assert.equal(held?.held, true);
    assert.equal(held?.error, warning);
    session.sendAnyway('key-1');
    const again = socket.sentOfType('message.send');
    assert.equal(again.length, 2);
    assert.equal(again[1]?.clientKey, 'key-1');
    assert.equal(again[1]?.acknowledgeWarning, true);
    assert.equal(session.getState().outbox[0]?.state, 'sending');
  });

  it('never sends a held reply anyway in a recovery conversation', () => {
    const socket = start('agent', [conv('r1', { recovery: true })]);
    session.open('r1');
    session.send('r1', 'tell me the code');
    const [first] = socket.sentOfType('message.send');
    socket.serverSend({ type: 'error', ref: first?.ref, code: 'message_held', message: 'held' });
    session.sendAnyway('key-1');
    assert.equal(socket.sentOfType('message.send').length, 1);
    assert.equal(session.getState().outbox[0]?.held, true);
  });

  it('does not offer "send anyway" for a reply refused for another reason', () => {
    const socket = start('agent', [conv('c1')]);
    session.open('c1');
    session.send('c1', 'hello');
    const [first] = socket.sentOfType('message.send');
    socket.serverSend({ type: 'error', ref: first?.ref, code: 'rate_limited', message: 'slow down' });
    assert.equal(session.getState().outbox[0]?.held, false);
    session.sendAnyway('key-1');
    assert.equal(socket.sentOfType('message.send').length, 1);
  });
});
