import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createChat, type Chat } from './chat';
import { FakeServer, conversation, message, until, welcome } from './fake-server';
import type { Redactor } from './preview';
import { memoryStore } from './storage';

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

/** Stands in for the protocol's redact: makes it visible that a text went through it. */
const shout: Redactor = (text) => ({ text: text.toUpperCase() });

function start(): Chat {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store: memoryStore(),
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
    redact: shout,
  });
  chats.push(chat);
  chat.start();
  chat.setOpen(true);
  return chat;
}

const ON = { policy: 'on_with_notice', enabled: true } as const;
const settle = () => new Promise((r) => setTimeout(r, 250));

describe('chat: typing preview', () => {
  it('keeps typing local before the first message, then switches the new conversation on with noticeShown', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([], undefined, { preview: { policy: 'on_with_notice' }, redactionRules: [] }));
    await until(() => chat.state.preview === 'on');
    chat.draft('my card is 4242');
    await settle();
    assert.deepEqual(server.unread('draft.update'), []);
    assert.equal(chat.send('my card is 4242'), true);
    const send = await server.take('message.send');
    assert.equal(send.body, 'MY CARD IS 4242', 'the message is redacted before it is queued');
    assert.equal(chat.state.timeline.outbox[0]?.body, 'MY CARD IS 4242');
    const c1 = conversation('c1', { preview: { policy: 'on_with_notice', enabled: false } });
    server.push({
      type: 'ack',
      ref: send.ref ?? '',
      message: message(1, { clientKey: send.clientKey, body: send.body }),
      conversation: c1,
    });
    const set = await server.take('preview.set');
    assert.deepEqual(
      { ...set, ref: undefined },
      { type: 'preview.set', ref: undefined, conversationId: 'c1', enabled: true, noticeShown: true },
    );
    assert.deepEqual(server.unread('draft.update'), []);
  });

  it('sends redacted drafts while the preview is on, and clears the draft after a send', async () => {
    const chat = start();
    await server.take('hello');
    server.push(
      welcome([conversation('c1', { preview: ON })], undefined, { preview: { policy: 'on_with_notice' } }),
    );
    const sub = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: sub.ref,
      conversation: conversation('c1', { preview: ON }),
      messages: [],
      complete: true,
    });
    await until(() => chat.state.timeline.conversation !== null);
    chat.draft('pin 1234');
    assert.deepEqual(await server.take('draft.update'), {
      type: 'draft.update',
      conversationId: 'c1',
      text: 'PIN 1234',
    });
    chat.send('pin 1234');
    await server.take('message.send');
    assert.equal((await server.take('draft.update')).text, '');
    assert.deepEqual(server.unread('preview.set'), []);
  });

  it('stops drafts at once when the visitor switches off, and tells the server', async () => {
    const chat = start();
    await server.take('hello');
    server.push(
      welcome([conversation('c1', { preview: ON })], undefined, { preview: { policy: 'on_with_notice' } }),
    );
    await server.take('conversation.subscribe');
    await until(() => chat.state.preview === 'on');
    chat.draft('a');
    await server.take('draft.update');
    chat.draft('ab');
    chat.setPreview(false);
    assert.equal(chat.state.preview, 'off');
    const set = await server.take('preview.set');
    assert.deepEqual([set.enabled, set.noticeShown], [false, true]);
    chat.draft('abc');
    await settle();
    assert.deepEqual(server.unread('draft.update'), []);
  });

  it('asks again to switch off when the server could not take it', async () => {
    const chat = start();
    await server.take('hello');
    server.push(
      welcome([conversation('c1', { preview: ON })], undefined, { preview: { policy: 'on_with_notice' } }),
    );
    await server.take('conversation.subscribe');
    await until(() => chat.state.preview === 'on');
    chat.setPreview(false);
    const first = await server.take('preview.set');
    server.push({ type: 'error', ref: first.ref ?? '', code: 'unavailable', message: 'storage down' });
    const again = await server.take('preview.set');
    assert.deepEqual([again.conversationId, again.enabled], ['c1', false]);
  });

  it('hides the notice and sends nothing when the admin turns the policy off', async () => {
    const chat = start();
    await server.take('hello');
    server.push(
      welcome([conversation('c1', { preview: ON })], undefined, { preview: { policy: 'on_with_notice' } }),
    );
    await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.updated',
      conversation: conversation('c1', { preview: { policy: 'off', enabled: false } }),
    });
    await until(() => chat.state.preview === 'hidden');
    chat.draft('hello');
    chat.setPreview(true);
    await settle();
    assert.deepEqual([...server.unread('draft.update'), ...server.unread('preview.set')], []);
  });

  it('an admin tightening the policy to opt_in: the notice turns off at once, drafts stop, until the visitor opts in', async () => {
    const chat = start();
    await server.take('hello');
    server.push(
      welcome([conversation('c1', { preview: ON })], undefined, { preview: { policy: 'on_with_notice' } }),
    );
    const sub = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: sub.ref,
      conversation: conversation('c1', { preview: ON }),
      messages: [],
      complete: true,
    });
    await until(() => chat.state.preview === 'on');
    chat.draft('on by default');
    await server.take('draft.update');
    server.push({
      type: 'preview.updated',
      conversationId: 'c1',
      preview: { policy: 'opt_in', enabled: false },
    });
    await until(() => chat.state.preview === 'off');
    chat.draft('after the change');
    await settle();
    assert.deepEqual([...server.unread('draft.update'), ...server.unread('preview.set')], []);
    chat.setPreview(true);
    const set = await server.take('preview.set');
    assert.deepEqual([set.conversationId, set.enabled, set.noticeShown], ['c1', true, true]);
  });
});
