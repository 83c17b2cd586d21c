/**
 * The widget's side of contacts and signed identity, against a scripted server: the site's token is
 * sent once and never replayed by a reconnect, a signed chat is dropped when the site stops vouching,
 * the inbox refusing unsigned visitors stops the chat until identify(), the contact forms, page reports.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { CLOSE_CODES, type WelcomeFrame } from '@candor/protocol';
import { createChat, type Chat, type ChatOptions } from './chat';
import { pageFacts } from './contact';
import { FakeServer, conversation, until, welcome } from './fake-server';
import { memoryStore, type Store } from './storage';

let server: FakeServer;
let chats: Chat[];
let warnings: string[];

beforeEach(async () => {
  server = await FakeServer.start();
  chats = [];
  warnings = [];
});
afterEach(async () => {
  for (const c of chats) c.stop();
  await server.close();
});

function start(store: Store = memoryStore(), extra: Partial<ChatOptions> = {}): Chat {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store,
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
    warn: (text) => warnings.push(text),
    ...extra,
  });
  chats.push(chat);
  chat.start();
  return chat;
}

function signedWelcome(token: string, extra: Partial<WelcomeFrame> = {}): WelcomeFrame {
  const w = welcome([], token) as WelcomeFrame;
  return { ...w, visitor: { id: 'v1', name: 'Ada', token, verification: 'signed' }, ...extra };
}

describe('chat: signed identity', () => {
  it('sends the site token instead of its own once, then resumes with the visitor token', async () => {
    const store = memoryStore();
    store.set('token', 'anonymous-token');
    start(store, { identityToken: 'jwt-1' });
    const first = await server.take('hello');
    assert.equal(first.identityToken, 'jwt-1');
    assert.equal(first.visitorToken, undefined, 'the site decides who this is');
    server.push(signedWelcome('signed-token'));
    await until(() => store.get('token') === 'signed-token');
    server.dropConnection();
    const again = await server.take('hello');
    assert.equal(again.identityToken, undefined, 'a used token is never sent again');
    assert.equal(again.visitorToken, 'signed-token');
  });

  it('a page where the site no longer vouches drops the signed chat this browser held', async () => {
    const store = memoryStore();
    store.set('token', 'signed-token');
    store.set('signed', '1');
    const chat = start(store);
    chat.setOpen(true);
    const hello = await server.take('hello');
    assert.equal(hello.visitorToken, undefined);
    assert.equal(store.get('token'), null);
  });

  it('an inbox for signed users only stops the chat until identify() brings a token', async () => {
    const chat = start();
    await server.take('hello');
    server.push({ type: 'error', code: 'identity_required', message: 'sign in' });
    server.dropConnection(CLOSE_CODES.identityRefused);
    await until(() => chat.state.link === 'signin');
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(server.sockets.length, 1, 'no reconnect without a token');
    chat.identify('jwt-2');
    assert.equal((await server.take('hello')).identityToken, 'jwt-2');
  });

  it('a refused token is forgotten and the chat goes on without it, the site owner told', async () => {
    start(memoryStore(), { identityToken: 'expired-jwt' });
    await server.take('hello');
    server.push({ type: 'error', code: 'identity_expired', message: 'expired' });
    server.dropConnection(CLOSE_CODES.identityRefused);
    const again = await server.take('hello');
    assert.equal(again.identityToken, undefined);
    assert.match(warnings.join(), /identity_expired/);
  });
});

describe('chat: contact', () => {
  it('says the browser language and time zone in hello', async () => {
    start(memoryStore(), { browser: { language: 'fr-CA', timeZone: 'America/Toronto' } });
    const hello = await server.take('hello');
    assert.deepEqual([hello.language, hello.timeZone], ['fr-CA', 'America/Toronto']);
  });

  it('shows the pre-chat form to an anonymous visitor without a conversation, and hides it once shared', async () => {
    const chat = start();
    await server.take('hello');
    server.push({ ...(welcome() as WelcomeFrame), preChatForm: { enabled: true, requireEmail: true } });
    await until(() => chat.state.contact.form === 'prechat');
    assert.equal(chat.state.contact.requireEmail, true);
    assert.equal(chat.shareContact('Ada', ''), false, 'an email is required');
    chat.dismissContact();
    assert.equal(chat.state.contact.form, 'prechat', 'cannot be skipped when an email is required');
    assert.equal(chat.shareContact(' Ada ', 'ada@example.test'), true);
    const update = await server.take('contact.update');
    assert.deepEqual([update.name, update.email], ['Ada', 'ada@example.test']);
    server.push({
      type: 'ack',
      ref: update.ref ?? '',
      contact: { name: 'Ada', email: 'ada@example.test', verification: 'self_declared' },
    });
    await until(() => chat.state.contact.form === 'hidden');
  });

  it('shows no pre-chat form to a visitor who already has a conversation, or is signed', async () => {
    const chat = start();
    await server.take('hello');
    const form = { preChatForm: { enabled: true, requireEmail: false } };
    server.push({ ...(welcome([conversation('c1')]) as WelcomeFrame), ...form });
    await server.take('conversation.subscribe');
    assert.equal(chat.state.contact.form, 'hidden');
    server.dropConnection();
    await server.take('hello');
    server.push({ ...signedWelcome('t'), ...form });
    await until(() => chat.state.link === 'online');
    assert.equal(chat.state.contact.form, 'hidden');
  });

  it('shows the form when an agent asks in the followed conversation; "not now" hides it', async () => {
    const chat = start();
    await server.take('hello');
    server.push(welcome([conversation('c1')]));
    await server.take('conversation.subscribe');
    server.push({ type: 'contact.requested', conversationId: 'other' });
    server.push({ type: 'contact.requested', conversationId: 'c1' });
    await until(() => chat.state.contact.form === 'requested');
    assert.equal(chat.state.contact.requireEmail, false);
    chat.dismissContact();
    assert.equal(chat.state.contact.form, 'hidden');
  });

  it('reports the page on welcome and when it changes, never its query or fragment', async () => {
    let href = 'https://shop.test/cart?coupon=SECRET#pay';
    let title = 'Cart';
    const chat = start(memoryStore(), { page: () => pageFacts(href, title) });
    await server.take('hello');
    server.push(welcome());
    const first = await server.take('page.view');
    assert.deepEqual([first.url, first.title], ['https://shop.test/cart', 'Cart']);
    chat.pageChanged();
    href = 'https://shop.test/checkout';
    title = 'Checkout';
    chat.pageChanged();
    const second = await server.take('page.view');
    assert.equal(second.url, 'https://shop.test/checkout');
    assert.equal(server.unread('page.view').length, 0, 'an unchanged page is not sent again');
  });

  it('pageFacts keeps http(s) pages only', () => {
    assert.equal(pageFacts('file:///etc/passwd', 'x'), null);
    assert.equal(pageFacts('not a url', 'x'), null);
    assert.deepEqual(pageFacts('http://a.test/b?c#d', '  T  '), { url: 'http://a.test/b', title: 'T' });
  });
});
