import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { CLOSE_CODES } from '@candor/protocol';
import { createChat, type Chat } from './chat';
import { FakeServer, until, welcome } from './fake-server';
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

/** A store that remembers every write, as localStorage would keep them. */
function recordingStore(): Store & { writes: string[] } {
  const store = memoryStore();
  const writes: string[] = [];
  return {
    writes,
    get: (k) => store.get(k),
    set: (k, v) => {
      writes.push(k);
      store.set(k, v);
    },
    remove: (k) => store.remove(k),
  };
}

/** The widget as main.ts boots it on a page view: created, then resumed only if it has a conversation. */
function pageView(store: Store): Chat {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store,
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
  });
  chats.push(chat);
  chat.resume();
  return chat;
}

const quiet = () => new Promise((r) => setTimeout(r, 100));

describe('chat: lazy until opened', () => {
  it('a page view opens no socket and stores nothing, even when the network or the tab comes back', async () => {
    const store = recordingStore();
    const chat = pageView(store);
    chat.wake();
    await quiet();
    assert.equal(server.sockets.length, 0);
    assert.deepEqual(store.writes, []);
    assert.equal(chat.state.link, 'idle');
  });

  it('opening the chat connects, and only then is the visitor token stored', async () => {
    const store = recordingStore();
    const chat = pageView(store);
    await quiet();
    chat.setOpen(true);
    const hello = await server.take('hello');
    assert.equal(hello.visitorToken, undefined);
    server.push(welcome([], 'tok-1'));
    await until(() => store.get('token') === 'tok-1');
    assert.equal(chat.state.link, 'online');
  });

  it('a browser that already has a conversation resumes at load, so replies and unread counts arrive', async () => {
    const store = memoryStore();
    store.set('token', 'tok-1');
    pageView(store);
    assert.equal((await server.take('hello')).visitorToken, 'tok-1');
  });

  it('a stored token the server refuses (expired, purged) is dropped, and no new visitor is made before opening', async () => {
    const store = memoryStore();
    store.set('token', 'stale');
    const chat = pageView(store);
    assert.equal((await server.take('hello')).visitorToken, 'stale');
    server.dropConnection(CLOSE_CODES.unauthenticated);
    await until(() => store.get('token') === null && chat.state.link === 'idle');
    chat.wake();
    await quiet();
    assert.deepEqual(server.unread('hello'), []);
    assert.equal(server.sockets.length, 1);
    chat.setOpen(true);
    assert.equal((await server.take('hello')).visitorToken, undefined);
  });

  it('messages left unsent by an earlier page count as a conversation too', async () => {
    const store = memoryStore();
    store.set('outbox', JSON.stringify([{ clientKey: 'k1', body: 'still to send', createdAt: 1 }]));
    pageView(store);
    await server.take('hello');
    server.push(welcome());
    assert.equal((await server.take('message.send')).clientKey, 'k1');
  });
});
