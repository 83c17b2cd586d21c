import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_CODES, PROTOCOL_VERSION } from '@candor/protocol';
import type { Agent, AgentRoutingView, Conversation, Message } from '@candor/protocol';
import { LiveSession } from './session';
import { VISITOR_TYPING_TTL_MS } from './visitor-typing';
import { AGENT_TYPING_TTL_MS } from './colleagues';
import { FakeSocket, ManualTimers } from './test-fakes';

const me: Agent = {
  id: 'a1',
  email: 'me@example.com',
  name: 'Me',
  role: 'agent',
  active: true,
  createdAt: 0,
};

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

function msg(conversationId: string, seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `${conversationId}-${seq}`,
    conversationId,
    seq,
    author: { type: 'visitor', id: 'v', name: 'Ada' },
    body: `m${seq}`,
    clientKey: null,
    createdAt: seq,
    ...over,
  };
}

let timers: ManualTimers;
let session: LiveSession;
let keys = 0;

/** Opens a fresh socket and completes hello/welcome on it. */
function connect(): FakeSocket {
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
  return socket;
}

function dropAndReconnect(): FakeSocket {
  FakeSocket.last.serverClose(1006);
  timers.fireAll();
  return connect();
}

beforeEach(() => {
  FakeSocket.all = [];
  timers = new ManualTimers();
  keys = 0;
  session = new LiveSession({
    url: 'ws://test',
    socket: FakeSocket,
    me,
    timers,
    random: () => 0,
    now: () => 0,
    newKey: () => `key-${++keys}`,
  });
  session.start();
});

describe('session: inbox', () => {
  it('subscribes to the inbox once welcomed and shows the snapshot', () => {
    const socket = connect();
    assert.equal(socket.sentOfType('inbox.subscribe').length, 1);
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('c1', { unread: 2 })] });
    assert.equal(session.getState().inboxLoaded, true);
    assert.equal(session.getState().inbox.c1?.unread, 2);
  });

  it('replaces the inbox with the new snapshot after a reconnect', () => {
    connect().serverSend({ type: 'inbox.snapshot', conversations: [conv('gone'), conv('kept')] });
    const socket = dropAndReconnect();
    assert.equal(socket.sentOfType('inbox.subscribe').length, 1);
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('kept'), conv('new')] });
    assert.deepEqual(Object.keys(session.getState().inbox).sort(), ['kept', 'new']);
  });

  it('tells how many open conversations the snapshot left out, until a snapshot leaves none out', () => {
    const socket = connect();
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('c1')], openNotShown: 12 });
    assert.equal(session.getState().openNotShown, 12);
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('c1')] });
    assert.equal(session.getState().openNotShown, 0);
  });

  it('counts visitor messages of conversations that are not open', () => {
    const socket = connect();
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('c1')] });
    socket.serverSend({
      type: 'conversation.updated',
      conversation: conv('c1', {
        lastSeq: 1,
        updatedAt: 2,
        lastMessage: { seq: 1, authorType: 'visitor', preview: 'hi', createdAt: 2 },
      }),
    });
    assert.equal(session.getState().inbox.c1?.unread, 1);
  });

  it('reports the connection state, and signed-out on a loggedOut close', () => {
    assert.equal(session.getState().status, 'connecting');
    const socket = connect();
    assert.equal(session.getState().status, 'online');
    socket.serverClose(CLOSE_CODES.loggedOut);
    assert.equal(session.getState().status, 'signed-out');
  });
});

describe('session: conversation', () => {
  it('subscribes from 0 on first open, marks read, and resets unread', () => {
    const socket = connect();
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('c1', { unread: 2, lastSeq: 2 })] });
    session.open('c1');
    assert.equal(session.getState().inbox.c1?.unread, 0);
    const [sub] = socket.sentOfType('conversation.subscribe');
    assert.equal(sub?.afterSeq, 0);
    socket.serverSend({
      type: 'conversation.history',
      ref: sub?.ref,
      conversation: conv('c1', { lastSeq: 2 }),
      messages: [msg('c1', 1), msg('c1', 2)],
      complete: true,
    });
    assert.deepEqual(socket.sentOfType('conversation.read'), [
      { type: 'conversation.read', conversationId: 'c1', seq: 2 },
    ]);
    assert.equal(session.getState().timelines.c1?.loaded, true);
  });

  it('asks for more history from the last seq until complete', () => {
    const socket = connect();
    session.open('c1');
    socket.serverSend({
      type: 'conversation.history',
      conversation: conv('c1'),
      messages: [msg('c1', 1), msg('c1', 2)],
      complete: false,
    });
    const subs = socket.sentOfType('conversation.subscribe');
    assert.deepEqual(
      subs.map((s) => s.afterSeq),
      [0, 2],
    );
  });

  it('unsubscribes when switching away and resumes after the highest seq held when switching back', () => {
    const socket = connect();
    session.open('c1');
    socket.serverSend({
      type: 'conversation.history',
      conversation: conv('c1'),
      messages: [msg('c1', 1)],
      complete: true,
    });
    socket.serverSend({ type: 'message.created', message: msg('c1', 2) });
    session.open('c2');
    assert.deepEqual(socket.sentOfType('conversation.unsubscribe'), [
      { type: 'conversation.unsubscribe', conversationId: 'c1' },
    ]);
    session.open('c1');
    const last = socket.sentOfType('conversation.subscribe').at(-1);
    assert.equal(last?.conversationId, 'c1');
    assert.equal(last?.afterSeq, 2);
    assert.equal(session.getState().timelines.c1?.messages.length, 2);
  });

  it('marks each live message read while the conversation is open', () => {
    const socket = connect();
    session.open('c1');
    socket.serverSend({
      type: 'conversation.history',
      conversation: conv('c1'),
      messages: [],
      complete: true,
    });
    socket.serverSend({ type: 'message.created', message: msg('c1', 1) });
    socket.serverSend({ type: 'message.created', message: msg('c1', 1) });
    assert.deepEqual(
      socket.sentOfType('conversation.read').map((r) => r.seq),
      [1],
    );
  });

  it('shows the visitor typing, and hides it after 6 s without news', () => {
    const socket = connect();
    socket.serverSend({
      type: 'typing.updated',
      conversationId: 'c1',
      author: { type: 'visitor', id: 'v', name: 'Ada' },
      typing: true,
    });
    socket.serverSend({
      type: 'typing.updated',
      conversationId: 'c1',
      author: { type: 'agent', id: 'a2', name: 'Bo' },
      typing: true,
    });
    assert.deepEqual(session.getState().visitorTyping, { c1: true });
    // The colleague typing a reply is shown apart, as an agent (collision), with its own expiry.
    assert.deepEqual(session.getState().agentsTyping, { c1: [{ id: 'a2', name: 'Bo' }] });
    assert.deepEqual(timers.delays(), [VISITOR_TYPING_TTL_MS, AGENT_TYPING_TTL_MS]);
    timers.fireAll();
    assert.deepEqual(session.getState().visitorTyping, {});
    assert.deepEqual(session.getState().agentsTyping, {});
  });

  it('disables a second resolve until the first is acked, then applies the conversation', () => {
    const socket = connect();
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv('c1')] });
    session.resolve('c1');
    session.resolve('c1');
    const sent = socket.sentOfType('conversation.resolve');
    assert.equal(sent.length, 1);
    assert.equal(session.getState().busy.c1, true);
    socket.serverSend({
      type: 'ack',
      ref: sent[0]?.ref ?? '',
      conversation: conv('c1', { status: 'resolved', updatedAt: 5 }),
    });
    assert.equal(session.getState().inbox.c1?.status, 'resolved');
    assert.equal(session.getState().busy.c1, undefined);
  });
});

describe('session: replies', () => {
  it('shows a reply as sending, then replaces it by the stored message on ack', () => {
    const socket = connect();
    session.open('c1');
    session.send('c1', '  hello  ');
    assert.equal(session.getState().outbox[0]?.state, 'sending');
    const [frame] = socket.sentOfType('message.send');
    assert.deepEqual(frame, {
      type: 'message.send',
      ref: frame?.ref,
      conversationId: 'c1',
      clientKey: 'key-1',
      body: 'hello',
    });
    const stored = msg('c1', 1, {
      author: { type: 'agent', id: me.id, name: me.name },
      clientKey: 'key-1',
      body: 'hello',
    });
    socket.serverSend({ type: 'ack', ref: frame?.ref ?? '', message: stored });
    assert.deepEqual(session.getState().outbox, []);
    assert.deepEqual(session.getState().timelines.c1?.messages, [stored]);
  });

  it('settles a reply seen as message.created before its ack', () => {
    const socket = connect();
    session.open('c1');
    session.send('c1', 'hi');
    socket.serverSend({ type: 'message.created', message: msg('c1', 1, { clientKey: 'key-1' }) });
    assert.deepEqual(session.getState().outbox, []);
  });

  it('keeps replies sent while offline and sends them once reconnected', () => {
    connect();
    session.open('c1');
    FakeSocket.last.serverClose(1006);
    session.send('c1', 'while down');
    assert.equal(session.getState().outbox.length, 1);
    timers.fireAll();
    const socket = connect();
    assert.deepEqual(
      socket.sentOfType('message.send').map((f) => f.clientKey),
      ['key-1'],
    );
  });

  it('after a reconnect: hello, inbox, the open conversation from its highest seq, then the outbox with the same keys', () => {
    let socket = connect();
    session.open('c1');
    socket.serverSend({
      type: 'conversation.history',
      conversation: conv('c1'),
      messages: [msg('c1', 1), msg('c1', 2)],
      complete: true,
    });
    session.send('c1', 'unacked');
    socket = dropAndReconnect();
    assert.deepEqual(
      socket.sent.map((f) => f.type),
      ['hello', 'inbox.subscribe', 'conversation.subscribe', 'conversation.view', 'message.send'],
    );
    assert.equal(socket.sentOfType('conversation.subscribe')[0]?.afterSeq, 2);
    assert.equal(socket.sentOfType('message.send')[0]?.clientKey, 'key-1');
    assert.equal(session.getState().status, 'online');
  });

  it('marks a refused reply failed, and retry sends it again with the same key', () => {
    const socket = connect();
    session.open('c1');
    session.send('c1', 'x');
    const [first] = socket.sentOfType('message.send');
    socket.serverSend({ type: 'error', ref: first?.ref, code: 'rate_limited', message: 'slow down' });
    assert.equal(session.getState().outbox[0]?.state, 'failed');
    session.retry('key-1');
    const again = socket.sentOfType('message.send');
    assert.equal(again.length, 2);
    assert.equal(again[1]?.clientKey, 'key-1');
    assert.notEqual(again[1]?.ref, first?.ref);
    assert.equal(session.getState().outbox[0]?.state, 'sending');
  });

  it('does not resend failed replies by itself after a reconnect', () => {
    const socket = connect();
    session.open('c1');
    session.send('c1', 'x');
    socket.serverSend({
      type: 'error',
      ref: socket.sentOfType('message.send')[0]?.ref,
      code: 'too_large',
      message: 'no',
    });
    assert.equal(dropAndReconnect().sentOfType('message.send').length, 0);
  });

  it('sends typing true while typing and false when the reply goes', () => {
    const socket = connect();
    session.open('c1');
    session.typing('c1');
    session.send('c1', 'done');
    assert.deepEqual(
      socket.sentOfType('typing.update').map((f) => f.typing),
      [true, false],
    );
  });
});

describe('session: visitor draft', () => {
  /** Opens c1 with its history loaded (last seq 1, from the visitor). */
  function openC1(): FakeSocket {
    const socket = connect();
    const c1 = conv('c1', {
      lastSeq: 1,
      lastMessage: { seq: 1, authorType: 'visitor', preview: 'm1', createdAt: 1 },
    });
    socket.serverSend({ type: 'inbox.snapshot', conversations: [c1] });
    session.open('c1');
    socket.serverSend({
      type: 'conversation.history',
      conversation: c1,
      messages: [msg('c1', 1)],
      complete: true,
    });
    return socket;
  }

  it('shows the latest draft of the open conversation and clears it on an empty one', () => {
    const socket = openC1();
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'my order' });
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'my order is late' });
    assert.deepEqual(session.getState().visitorDrafts, { c1: 'my order is late' });
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: '' });
    assert.deepEqual(session.getState().visitorDrafts, {});
  });

  it('clears the draft when the visitor message arrives, and keeps a new draft typed after it', () => {
    const socket = openC1();
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'hello' });
    socket.serverSend({ type: 'message.created', message: msg('c1', 2) });
    assert.deepEqual(session.getState().visitorDrafts, {});
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'and also' });
    socket.serverSend({
      type: 'conversation.updated',
      conversation: conv('c1', {
        lastSeq: 2,
        updatedAt: 2,
        lastMessage: { seq: 2, authorType: 'visitor', preview: 'm2', createdAt: 2 },
      }),
    });
    assert.deepEqual(session.getState().visitorDrafts, { c1: 'and also' });
  });

  it('clears the draft when the conversation says the preview is off', () => {
    const socket = openC1();
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'hello' });
    socket.serverSend({
      type: 'conversation.updated',
      conversation: conv('c1', {
        lastSeq: 1,
        updatedAt: 2,
        lastMessage: { seq: 1, authorType: 'visitor', preview: 'm1', createdAt: 1 },
        preview: { policy: 'on_with_notice', enabled: false },
      }),
    });
    assert.deepEqual(session.getState().visitorDrafts, {});
    assert.equal(session.getState().inbox.c1?.preview.enabled, false);
  });

  it('does not show the draft of another conversation after switching, nor when switching back', () => {
    const socket = openC1();
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'for c1' });
    session.open('c2');
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'still c1' });
    assert.deepEqual(session.getState().visitorDrafts, {});
    session.open('c1');
    assert.deepEqual(session.getState().visitorDrafts, {});
  });

  it('forgets drafts when the connection drops', () => {
    const socket = openC1();
    socket.serverSend({ type: 'draft.updated', conversationId: 'c1', text: 'hello' });
    socket.serverClose(1006);
    assert.deepEqual(session.getState().visitorDrafts, {});
  });
});

describe('session: colleagues’ status', () => {
  it('reads every status on each welcome and follows agent.status frames', async () => {
    let reads = 0;
    let answer: (agents: AgentRoutingView[]) => void = () => undefined;
    session.stop();
    session = new LiveSession({
      url: 'ws://test',
      socket: FakeSocket,
      me,
      timers,
      random: () => 0,
      now: () => 0,
      loadAgentStatus: () => {
        reads++;
        return new Promise((resolve) => (answer = resolve));
      },
    });
    session.start();
    const socket = connect();
    assert.equal(reads, 1);
    // News arriving before the read's answer is newer than it.
    socket.serverSend({ type: 'agent.status', agentId: 'bob', status: 'away', effectiveStatus: 'away' });
    const routing = (agentId: string, status: 'online' | 'away'): AgentRoutingView => ({
      agentId,
      status,
      effectiveStatus: status,
      capacity: null,
      effectiveCapacity: 3,
      skills: [],
      load: 0,
    });
    answer([routing('bob', 'online'), routing('cy', 'online')]);
    await Promise.resolve();
    assert.equal(session.getState().agentStatus.bob?.effectiveStatus, 'away');
    assert.equal(session.getState().agentStatus.cy?.effectiveStatus, 'online');
    socket.serverSend({ type: 'agent.status', agentId: 'cy', status: 'online', effectiveStatus: 'away' });
    assert.equal(session.getState().agentStatus.cy?.effectiveStatus, 'away');
    dropAndReconnect();
    assert.equal(reads, 2, 'read again after a reconnect: frames missed meanwhile are not replayed');
  });
});

describe('session: transfers', () => {
  it('hands each conversation.transferred to its listeners', () => {
    const heard: (string | null)[] = [];
    const stop = session.onTransferred((frame) => heard.push(frame.toTeamId));
    const socket = connect();
    const frame = {
      type: 'conversation.transferred' as const,
      conversationId: 'c1',
      fromAgentId: 'bo',
      toAgentId: null,
      toTeamId: 'billing',
      note: null,
      byAgentId: 'bo',
    };
    socket.serverSend(frame);
    stop();
    socket.serverSend(frame);
    assert.deepEqual(heard, ['billing']);
  });
});
