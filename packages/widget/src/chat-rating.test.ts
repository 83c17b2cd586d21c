/**
 * The satisfaction prompt and business hours, widget side, against a scripted server: asked once per
 * resolution, a rating the server says is already stored counts as done, a refused one may be retried;
 * the welcome's hours reach the view.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import type { WelcomeFrame } from '@candor/protocol';
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

async function resolvedChat(store: Store, updatedAt = 2000, extra: Partial<WelcomeFrame> = {}) {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store,
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
  });
  chats.push(chat);
  chat.start();
  await server.take('hello');
  server.push({
    ...(welcome([conversation('c1', { status: 'resolved', updatedAt })]) as WelcomeFrame),
    ...extra,
  });
  await until(() => chat.state.timeline.conversation?.updatedAt === updatedAt);
  return chat;
}

describe('chat: satisfaction', () => {
  it('asks once per resolution: rated, thanked, and not asked again on this browser', async () => {
    const store = memoryStore();
    const chat = await resolvedChat(store);
    assert.equal(chat.state.rating, 'ask');
    assert.equal(chat.rate(4, '  Merci  '), true);
    const sent = await server.take('conversation.rate');
    assert.deepEqual([sent.conversationId, sent.score, sent.comment], ['c1', 4, 'Merci']);
    assert.equal(chat.state.rating, 'sending');
    server.push({ type: 'ack', ref: sent.ref ?? '' });
    await until(() => chat.state.rating === 'done');
    chat.stop();

    const again = await resolvedChat(store);
    assert.equal(again.state.rating, null, 'the same resolution is not asked again');
    again.stop();
    const reopened = await resolvedChat(store, 3000);
    assert.equal(reopened.state.rating, 'ask', 'a later resolution is');
  });

  it('a rating already stored counts as done; another refusal may be retried', async () => {
    const chat = await resolvedChat(memoryStore());
    chat.rate(5, '');
    let sent = await server.take('conversation.rate');
    assert.equal(sent.comment, undefined);
    server.push({ type: 'error', ref: sent.ref, code: 'unavailable', message: 'down' });
    await until(() => chat.state.rating === 'failed');
    chat.rate(5, '');
    sent = await server.take('conversation.rate');
    server.push({ type: 'error', ref: sent.ref, code: 'conflict', message: 'rated already' });
    await until(() => chat.state.rating === 'done');
  });

  it('refuses a comment over the limit without sending', async () => {
    const chat = await resolvedChat(memoryStore());
    assert.equal(chat.rate(3, 'x'.repeat(1001)), false);
    assert.equal(server.unread('conversation.rate').length, 0);
  });

  it('keeps the hours the welcome gives', async () => {
    const hours = { open: false, nextOpening: '2026-12-07T08:00:00.000Z' };
    const chat = await resolvedChat(memoryStore(), 2000, { hours });
    assert.deepEqual(chat.state.hours, hours);
  });
});
