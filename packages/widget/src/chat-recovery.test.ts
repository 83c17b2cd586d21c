/**
 * Account recovery, widget side, against a scripted server: "I can't access my account" opens the
 * conversation the ack gives; a code leaves only in `recovery.code`, is never kept nor shown; its outcome
 * and the server's status reach the view; the welcome's site is what the agent mark is drawn from.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import type { Conversation, ServerFrame, WelcomeFrame } from '@candor/protocol';
import { createChat, type Chat } from './chat';
import { FakeServer, conversation, until, welcome } from './fake-server';
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

const SITE = { name: 'Acme', verifyUrl: 'https://acme.example/help/verify', recovery: true };
const CODE = '482913';

/** A store that remembers every value written, as localStorage would keep them. */
function recordingStore(): Store & { values: string[] } {
  const store = memoryStore();
  const values: string[] = [];
  return {
    values,
    get: (k) => store.get(k),
    set: (k, v) => {
      values.push(v);
      store.set(k, v);
    },
    remove: (k) => store.remove(k),
  };
}

async function open(store: Store = memoryStore(), frame: Partial<WelcomeFrame> = { site: SITE }) {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store,
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
  });
  chats.push(chat);
  chat.start();
  chat.setOpen(true);
  await server.take('hello');
  server.push({ ...(welcome([], 'tok') as WelcomeFrame), ...frame });
  await until(() => chat.state.link === 'online');
  return chat;
}

/** Starts a recovery chat and lets the ack's conversation become the open one. */
async function recoveryChat(store?: Store, patch: Partial<Conversation> = {}): Promise<Chat> {
  const c1 = conversation('c1', { recovery: true, ...patch });
  const chat = await open(store);
  assert.equal(chat.startRecovery('ada@example.com', 'locked_out', ''), true);
  const start = await server.take('recovery.start');
  server.push({ type: 'ack', ref: start.ref ?? '', conversation: c1 });
  const sub = await server.take('conversation.subscribe');
  server.push({
    type: 'conversation.history',
    ref: sub.ref,
    conversation: c1,
    messages: [],
    complete: true,
  });
  await until(() => chat.state.timeline.conversation?.recovery === true);
  return chat;
}

async function tryCode(chat: Chat, answer: ServerFrame | ((ref: string) => ServerFrame)) {
  assert.equal(chat.verifyCode(` ${CODE.slice(0, 3)} ${CODE.slice(3)} `), true);
  const sent = await server.take('recovery.code');
  server.push(typeof answer === 'function' ? answer(sent.ref ?? '') : answer);
  return sent;
}

describe('chat: account recovery', () => {
  it('keeps the welcome’s site (the mark and the offer), and none when the server says none', async () => {
    const chat = await open();
    assert.deepEqual(chat.state.site, SITE);
    chat.stop();
    const plain = await open(memoryStore(), {});
    assert.equal(plain.state.site, null);
  });

  it('"I can\'t access my account" sends recovery.start, and the ack’s conversation becomes the open one', async () => {
    const chat = await open();
    assert.equal(chat.startRecovery('  ada@example.com ', 'hacked', ' my password is hunter2x '), true);
    assert.equal(chat.state.recovery.start, 'sending');
    const start = await server.take('recovery.start');
    assert.equal(start.account, 'ada@example.com');
    assert.equal(start.situation, 'hacked');
    assert.ok(start.clientKey.length > 0);
    assert.ok(!start.details?.includes('hunter2x'), 'the details are masked as a message is');
    server.push({ type: 'ack', ref: start.ref ?? '', conversation: conversation('c9', { recovery: true }) });
    const sub = await server.take('conversation.subscribe');
    assert.equal(sub.conversationId, 'c9');
    await until(() => chat.state.timeline.conversationId === 'c9');
    assert.equal(chat.state.timeline.conversation?.recovery, true);
    assert.equal(chat.state.recovery.start, null);
  });

  it('sends the same clientKey again after a refusal, so a retry is one conversation', async () => {
    const chat = await open();
    chat.startRecovery('ada', 'other', '');
    const first = await server.take('recovery.start');
    server.push({ type: 'error', ref: first.ref, code: 'unavailable', message: 'try later' });
    await until(() => chat.state.recovery.start === 'failed');
    chat.startRecovery('ada', 'other', '');
    const second = await server.take('recovery.start');
    assert.equal(second.clientKey, first.clientKey);
    assert.notEqual(second.ref, first.ref);
  });

  it('refuses an empty or too long account without sending', async () => {
    const chat = await open();
    assert.equal(chat.startRecovery('   ', 'locked_out', ''), false);
    assert.equal(chat.startRecovery('a'.repeat(255), 'locked_out', ''), false);
    assert.equal(chat.startRecovery('ada', 'locked_out', 'x'.repeat(2001)), false);
    assert.deepEqual(server.unread('recovery.start'), []);
  });

  it('sends a code in recovery.code only, without spaces, and keeps it nowhere', async () => {
    const store = recordingStore();
    const chat = await recoveryChat(store);
    const sent = await tryCode(chat, (ref) => ({ type: 'ack', ref, codeResult: { outcome: 'wrong' } }));
    assert.deepEqual(
      { ...sent, ref: undefined },
      { type: 'recovery.code', ref: undefined, conversationId: 'c1', code: CODE },
    );
    await until(() => chat.state.recovery.code === 'wrong');
    assert.deepEqual(server.unread('message.send'), [], 'not a message');
    assert.deepEqual(server.unread('draft.update'), [], 'not a draft');
    assert.ok(!JSON.stringify(chat.state).includes(CODE), 'not in the state the view draws');
    assert.ok(!store.values.some((v) => v.includes(CODE)), 'not in storage');
  });

  it('tells each outcome of a try; a refused try is "failed"', async () => {
    const chat = await recoveryChat();
    for (const outcome of ['expired', 'too_many_tries', 'verified'] as const) {
      await tryCode(chat, (ref) => ({ type: 'ack', ref, codeResult: { outcome } }));
      await until(() => chat.state.recovery.code === outcome);
    }
    await tryCode(chat, (ref) => ({ type: 'error', ref, code: 'rate_limited', message: 'slow down' }));
    await until(() => chat.state.recovery.code === 'failed');
  });

  it('a code cannot be sent outside a conversation, nor an empty one', async () => {
    const chat = await open();
    assert.equal(chat.verifyCode(CODE), false);
    const inRecovery = await recoveryChat();
    assert.equal(inRecovery.verifyCode('  '), false);
    assert.deepEqual(server.unread('recovery.code'), []);
  });

  it('follows recovery.status of the open conversation only; a new code clears what was said of the last', async () => {
    const chat = await recoveryChat();
    await tryCode(chat, (ref) => ({ type: 'ack', ref, codeResult: { outcome: 'expired' } }));
    await until(() => chat.state.recovery.code === 'expired');
    const state = { codeRequestedAt: 5000, codeExpiresAt: 605_000, verifiedAt: null };
    server.push({ type: 'recovery.status', conversationId: 'other', state });
    server.push({ type: 'recovery.status', conversationId: 'c1', state });
    await until(() => chat.state.recovery.status !== null);
    assert.deepEqual(chat.state.recovery.status, state);
    assert.equal(chat.state.recovery.code, null);
  });

  it('does not show the agent a draft that looks like a code in a recovery chat', async () => {
    const chat = await recoveryChat(memoryStore(), { preview: { policy: 'on_with_notice', enabled: true } });
    await until(() => chat.state.preview === 'on');
    chat.draft('hello');
    assert.equal((await server.take('draft.update')).text, 'hello');
    chat.draft(`it says ${CODE}`);
    assert.equal((await server.take('draft.update')).text, '');
  });
});
