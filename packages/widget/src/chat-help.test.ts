/**
 * The Help tab's context in the chat: kept in memory until the visitor writes, then told once, in a
 * frame of its own after the first message is stored, for the conversation that message went to.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { createChat, type Chat } from './chat';
import { FakeServer, conversation, message, welcome } from './fake-server';
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

function pageView(store: Store = memoryStore()): Chat {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store,
    locale: 'fr',
    backoff: { baseMs: 5, capMs: 20 },
  });
  chats.push(chat);
  chat.resume();
  return chat;
}

const context = { query: 'colis pas arrivé', articleIds: ['a1', 'a2'] };

describe('chat: context from the Help tab', () => {
  it('a help search taken to the chat opens no socket and stores nothing until the chat is opened', async () => {
    const writes: string[] = [];
    const store = memoryStore();
    const chat = pageView({ ...store, set: (k, v) => (writes.push(k), store.set(k, v)) });
    chat.helpContext(context);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(server.sockets.length, 0);
    assert.deepEqual(writes, []);
  });

  it('is sent once, after the first message is stored, for the conversation it created', async () => {
    const chat = pageView();
    chat.helpContext(context);
    chat.setOpen(true);
    await server.take('hello');
    server.push(welcome([], 'tok'));
    chat.send('Mon colis n’est pas arrivé');
    const send = await server.take('message.send');
    assert.deepEqual(server.unread('help.context'), [], 'not before the message is stored');
    const stored = message(1, {
      conversationId: 'c9',
      clientKey: send.clientKey,
      author: { type: 'visitor', id: 'v1', name: 'V' },
    });
    server.push({ type: 'ack', ref: send.ref ?? '', message: stored });
    const told = await server.take('help.context');
    assert.deepEqual(
      { conversationId: told.conversationId, query: told.query, articleIds: told.articleIds },
      { conversationId: 'c9', ...context },
    );
    const sub = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: sub.ref ?? '',
      conversation: conversation('c9', { lastSeq: 1 }),
      messages: [stored],
      complete: true,
    });
    chat.send('Commande 1234');
    const second = await server.take('message.send');
    server.push({
      type: 'ack',
      ref: second.ref ?? '',
      message: { ...stored, seq: 2, clientKey: second.clientKey },
    });
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(server.unread('help.context'), [], 'told once');
  });

  it('without a help search, the first message goes alone', async () => {
    const chat = pageView();
    chat.setOpen(true);
    await server.take('hello');
    server.push(welcome([], 'tok'));
    chat.send('Bonjour');
    const send = await server.take('message.send');
    server.push({ type: 'ack', ref: send.ref ?? '', message: message(1, { clientKey: send.clientKey }) });
    await server.take('conversation.subscribe');
    assert.deepEqual(server.unread('help.context'), []);
  });
});
