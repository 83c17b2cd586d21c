import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { CLOSE_CODES, PROTOCOL_VERSION } from '@candor/protocol';
import { MAX_SEND_TRIES, createChat, type Chat } from './chat';
import { FakeServer, conversation, message, until, welcome } from './fake-server';
import { loadOutbox } from './outbox';
import { memoryStore, type Store } from './storage';

let server: FakeServer;
let chats: Chat[];

beforeEach(async () => {
  server = await FakeServer.start();
  chats = [];
});
afterEach(async () => {
  for (const c of chats) c.stop();
  await server.close();
});

function start(store: Store = memoryStore()): Chat {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store,
    locale: 'fr',
    backoff: { baseMs: 5, capMs: 20 },
  });
  chats.push(chat);
  chat.start();
  return chat;
}

const keys = (chat: Chat) => chat.state.timeline.outbox.map((e) => e.clientKey);
const seqs = (chat: Chat) => chat.state.timeline.messages.map((m) => m.seq);

describe('chat: visitor identity', () => {
  it('says hello with its locale, stores a newly issued token and sends it on the next hello', async () => {
    const store = memoryStore();
    start(store);
    const first = await server.take('hello');
    assert.deepEqual(first, { type: 'hello', protocol: PROTOCOL_VERSION, locale: 'fr' });
    server.push(welcome([], 'tok-1'));
    await until(() => store.get('token') === 'tok-1');
    server.dropConnection();
    assert.equal((await server.take('hello')).visitorToken, 'tok-1');
  });

  it('forgets a refused token and, the chat being open, reconnects without it', async () => {
    const store = memoryStore();
    store.set('token', 'stale');
    start(store).setOpen(true);
    assert.equal((await server.take('hello')).visitorToken, 'stale');
    server.dropConnection(CLOSE_CODES.unauthenticated);
    assert.equal((await server.take('hello')).visitorToken, undefined);
    assert.equal(store.get('token'), null);
  });

  it('stops and says it is out of date when the server refuses the protocol version', async () => {
    const chat = start();
    await server.take('hello');
    server.dropConnection(CLOSE_CODES.unsupportedVersion);
    await until(() => chat.state.link === 'outdated');
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(server.sockets.length, 1);
  });
});

describe('chat: following the conversation', () => {
  it('subscribes to the newest conversation and resumes after the highest seq held', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([conversation('c2', { createdAt: 2000 }), conversation('c1')]));
    const sub = await server.take('conversation.subscribe');
    assert.deepEqual([sub.conversationId, sub.afterSeq], ['c2', 0]);
    const c2 = conversation('c2', { createdAt: 2000 });
    const inC2 = (seq: number) => message(seq, { conversationId: 'c2' });
    server.push({
      type: 'conversation.history',
      ref: sub.ref,
      conversation: c2,
      messages: [inC2(1), inC2(2)],
      complete: true,
    });
    server.push({ type: 'message.created', message: inC2(3) });
    await until(() => seqs(chat).length === 3);
    server.dropConnection();
    await server.take('hello');
    assert.equal(chat.state.link, 'reconnecting');
    server.push(welcome([c2]));
    const resumed = await server.take('conversation.subscribe');
    assert.deepEqual([resumed.conversationId, resumed.afterSeq], ['c2', 3]);
    server.push({
      type: 'conversation.history',
      ref: resumed.ref,
      conversation: c2,
      messages: [inC2(4)],
      complete: true,
    });
    await until(() => seqs(chat).length === 4);
    assert.deepEqual(seqs(chat), [1, 2, 3, 4]);
    assert.equal(chat.state.link, 'online');
  });

  it('asks for the next history page until the server says it is complete', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([conversation('c1')]));
    const first = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: first.ref,
      conversation: conversation('c1'),
      messages: [message(1), message(2)],
      complete: false,
    });
    const second = await server.take('conversation.subscribe');
    assert.equal(second.afterSeq, 2);
    server.push({
      type: 'conversation.history',
      ref: second.ref,
      conversation: conversation('c1'),
      messages: [message(3)],
      complete: true,
    });
    await until(() => seqs(chat).length === 3);
  });

  it('adopts a newer conversation of the same visitor started in another tab, leaving the old one', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([conversation('c1')]));
    await server.take('conversation.subscribe');
    server.push({ type: 'conversation.updated', conversation: conversation('c1', { status: 'resolved' }) });
    await until(() => chat.state.timeline.conversation?.status === 'resolved');
    server.push({ type: 'conversation.updated', conversation: conversation('c9', { createdAt: 5000 }) });
    const sub = await server.take('conversation.subscribe');
    assert.deepEqual([sub.conversationId, sub.afterSeq], ['c9', 0]);
    assert.equal(chat.state.timeline.conversationId, 'c9');
    assert.equal((await server.take('conversation.unsubscribe')).conversationId, 'c1');
  });

  it('shows that an agent is typing and clears it when their message arrives', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([conversation('c1')]));
    await server.take('conversation.subscribe');
    server.push({
      type: 'typing.updated',
      conversationId: 'c1',
      author: { type: 'agent', id: 'a1', name: 'Ada' },
      typing: true,
    });
    await until(() => chat.state.agentTyping === 'Ada');
    server.push({ type: 'message.created', message: message(1) });
    await until(() => chat.state.agentTyping === null);
    assert.equal(chat.state.agentMessages, 1);
  });
});

describe('chat: sending', () => {
  it('queues a message typed offline and sends it after the welcome, then follows the new conversation', async () => {
    const chat = start();
    assert.equal(chat.send('  Bonjour  '), true);
    assert.equal(chat.state.timeline.outbox[0]?.body, 'Bonjour');
    await server.take('hello');
    server.push(welcome());
    const send = await server.take('message.send');
    assert.equal(send.conversationId, null);
    assert.equal(send.clientKey, keys(chat)[0]);
    const stored = message(1, {
      clientKey: send.clientKey,
      author: { type: 'visitor', id: 'v1', name: 'V' },
      body: 'Bonjour',
    });
    server.push({ type: 'ack', ref: send.ref ?? '', message: stored });
    const sub = await server.take('conversation.subscribe');
    assert.deepEqual([sub.conversationId, sub.afterSeq], ['c1', 0]);
    assert.deepEqual(keys(chat), []);
    assert.deepEqual(seqs(chat), [1]);
  });

  it('sends one message at a time, in the order typed', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([conversation('c1')]));
    const sub = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: sub.ref,
      conversation: conversation('c1'),
      messages: [],
      complete: true,
    });
    chat.send('one');
    chat.send('two');
    const first = await server.take('message.send');
    assert.equal(first.body, 'one');
    assert.equal(first.conversationId, 'c1');
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(server.unread('message.send'), []);
    server.push({ type: 'ack', ref: first.ref ?? '', message: message(1, { clientKey: first.clientKey }) });
    assert.equal((await server.take('message.send')).body, 'two');
  });

  it('resends a message lost with the connection with the same client key', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome());
    chat.send('hello?');
    const lost = await server.take('message.send');
    server.dropConnection();
    await server.take('hello');
    server.push(welcome());
    const again = await server.take('message.send');
    assert.equal(again.clientKey, lost.clientKey);
    assert.equal(again.body, 'hello?');
  });

  it('does not resend a message that the history shows was stored', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome());
    chat.send('stored?');
    const lost = await server.take('message.send');
    server.dropConnection();
    await server.take('hello');
    server.push(welcome([conversation('c1')]));
    const sub = await server.take('conversation.subscribe');
    const stored = message(1, {
      clientKey: lost.clientKey,
      author: { type: 'visitor', id: 'v1', name: 'V' },
    });
    server.push({
      type: 'conversation.history',
      ref: sub.ref,
      conversation: conversation('c1'),
      messages: [stored],
      complete: true,
    });
    await until(() => keys(chat).length === 0);
    await new Promise((r) => setTimeout(r, 30));
    assert.deepEqual(server.unread('message.send'), []);
  });

  it('keeps the outbox across a reload', async () => {
    const store = memoryStore();
    const before = start(store);
    before.send('typed offline');
    const key = keys(before)[0];
    before.stop();
    const after = start(store);
    assert.deepEqual(keys(after), [key]);
    await server.take('hello');
    server.push(welcome());
    assert.equal((await server.take('message.send')).clientKey, key);
  });

  it('retries after a retryable error and keeps the message queued', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome());
    chat.send('retry me');
    const first = await server.take('message.send');
    server.push({ type: 'error', ref: first.ref ?? '', code: 'unavailable', message: 'storage down' });
    const second = await server.take('message.send');
    assert.equal(second.clientKey, first.clientKey);
    assert.equal(chat.state.timeline.outbox[0]?.failed, undefined);
  });

  it('marks a refused message failed, sends the next ones, and resends it with the same key on retry', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome());
    chat.send('refused');
    chat.send('next');
    const refused = await server.take('message.send');
    server.push({ type: 'error', ref: refused.ref ?? '', code: 'forbidden', message: 'no' });
    const next = await server.take('message.send');
    assert.equal(next.body, 'next');
    assert.equal(chat.state.timeline.outbox[0]?.failed, 'forbidden');
    server.push({ type: 'ack', ref: next.ref ?? '' });
    await until(() => keys(chat).length === 1);
    chat.retry(refused.clientKey);
    assert.equal((await server.take('message.send')).clientKey, refused.clientKey);
  });

  it('a message refused for good is failed at once, whatever the code, and the next one goes on', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome());
    const codes = ['bad_frame', 'too_large', 'forbidden', 'not_found', 'conflict'] as const;
    for (const code of codes) chat.send(`refused with ${code}`);
    chat.send('fine');
    for (const code of codes) {
      const sent = await server.take('message.send');
      assert.equal(sent.body, `refused with ${code}`);
      server.push({ type: 'error', ref: sent.ref ?? '', code, message: 'no' });
    }
    assert.equal((await server.take('message.send')).body, 'fine');
    assert.deepEqual(
      chat.state.timeline.outbox.map((e) => e.failed),
      [...codes, undefined],
    );
  });

  it('a message the server keeps failing (internal) is failed after a bounded number of tries, and does not wedge the rest', async () => {
    const store = memoryStore();
    const chat = start(store);
    await server.take('hello');
    server.push(welcome());
    chat.send('poison');
    chat.send('after');
    for (let i = 0; i < MAX_SEND_TRIES; i++) {
      const sent = await server.take('message.send');
      assert.equal(sent.body, 'poison');
      server.push({ type: 'error', ref: sent.ref ?? '', code: 'internal', message: 'Internal error.' });
    }
    const next = await server.take('message.send');
    assert.equal(next.body, 'after');
    assert.equal(chat.state.timeline.outbox[0]?.failed, 'internal');
    server.push({ type: 'ack', ref: next.ref ?? '' });
    await until(() => keys(chat).length === 1);
    // Across a reload: the failed one waits for the visitor, a new message is sent.
    chat.stop();
    const after = start(store);
    await server.take('hello');
    server.push(welcome());
    after.send('new page');
    assert.equal((await server.take('message.send')).body, 'new page');
    assert.equal(after.state.timeline.outbox[0]?.failed, 'internal');
  });

  it('deletes a failed message on request, and never one still being sent', async () => {
    const store = memoryStore();
    const chat = start(store);
    await server.take('hello');
    server.push(welcome());
    chat.send('refused');
    chat.send('pending');
    const refused = await server.take('message.send');
    server.push({ type: 'error', ref: refused.ref ?? '', code: 'forbidden', message: 'no' });
    const pending = await server.take('message.send');
    chat.discard(pending.clientKey);
    chat.discard(refused.clientKey);
    assert.deepEqual(keys(chat), [pending.clientKey]);
    assert.deepEqual(
      loadOutbox(store).map((e) => e.clientKey),
      [pending.clientKey],
    );
  });

  it('refuses an empty or overlong message before sending anything', () => {
    const chat = start();
    assert.equal(chat.send('   '), false);
    assert.equal(chat.send('x'.repeat(4001)), false);
    assert.deepEqual(keys(chat), []);
  });
});
