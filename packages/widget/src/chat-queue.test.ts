/** The widget while waiting for an agent: its place in the queue, and a neutral line on a transfer. */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createChat, type Chat } from './chat';
import { FakeServer, conversation, message, until, welcome } from './fake-server';
import { memoryStore } from './storage';

let server: FakeServer;
let chat: Chat;

beforeEach(async () => {
  server = await FakeServer.start();
  chat = createChat({
    url: server.url,
    WebSocket,
    store: memoryStore(),
    locale: 'en',
    backoff: { baseMs: 5 },
  });
  chat.start();
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
});
afterEach(async () => {
  chat.stop();
  await server.close();
});

describe('chat: waiting in the queue', () => {
  it('shows its place and the wait, until an agent takes it', async () => {
    server.push({
      type: 'queue.position',
      conversationId: 'c1',
      position: 3,
      wait: { minMinutes: 2, maxMinutes: 4 },
    });
    await until(() => chat.state.queue?.position === 3);
    assert.deepEqual(chat.state.queue?.wait, { minMinutes: 2, maxMinutes: 4 });
    // Another conversation's place is not ours.
    server.push({ type: 'queue.position', conversationId: 'other', position: 1, wait: null });
    server.push({ type: 'queue.position', conversationId: 'c1', position: 1, wait: null });
    await until(() => chat.state.queue?.position === 1);
    server.push({
      type: 'conversation.updated',
      conversation: conversation('c1', { assigneeId: 'a1', assigneeName: 'Ada' }),
    });
    await until(() => chat.state.queue === null);
  });

  it('a transfer shows a neutral line, gone with the next agent message', async () => {
    server.push({ type: 'conversation.handed_over', conversationId: 'c1' });
    await until(() => chat.state.handedOver);
    server.push({ type: 'message.created', message: message(1, { conversationId: 'c1' }) });
    await until(() => !chat.state.handedOver);
  });
});
