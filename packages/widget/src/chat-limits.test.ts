import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { CLOSE_CODES } from '@candor/protocol';
import { createChat, type Chat } from './chat';
import { FakeServer, until, welcome } from './fake-server';
import { STRINGS, rateLimitText } from './i18n';
import { memoryStore } from './storage';

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

function open(): Chat {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store: memoryStore(),
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
    statusUrl: `${server.httpUrl}/api/v1/widget/status`,
    warn: (text) => warnings.push(text),
  });
  chats.push(chat);
  chat.setOpen(true);
  return chat;
}

/** Long enough for several reconnects at the test backoff (5 to 20 ms), were the widget to try. */
const aWhile = () => new Promise((r) => setTimeout(r, 150));
const TWO_MINUTES = 120_000;

describe('chat: rate limits the visitor can see', () => {
  it('over the new-visitor limit: says so and opens no socket before retryAfterMs, wake or not', async () => {
    const chat = open();
    await server.take('hello');
    server.push({ type: 'error', code: 'rate_limited', message: 'Too many', retryAfterMs: TWO_MINUTES });
    server.dropConnection(CLOSE_CODES.rateLimited);
    await until(() => chat.state.limitedMs === TWO_MINUTES);
    chat.wake();
    await aWhile();
    chat.wake();
    assert.equal(server.sockets.length, 1, 'no new socket while told to wait');
    assert.equal(
      rateLimitText(STRINGS.en, TWO_MINUTES),
      'Too many new chats from your network right now. Try again in about 2 minutes.',
    );
    assert.match(rateLimitText(STRINGS.fr, TWO_MINUTES), /Réessayez dans environ 2\u00a0minutes/);
  });

  it('comes back by itself once the wait is over', async () => {
    const chat = open();
    await server.take('hello');
    server.push({ type: 'error', code: 'rate_limited', message: 'Too many', retryAfterMs: 50 });
    server.dropConnection(CLOSE_CODES.rateLimited);
    await server.take('hello');
    server.push(welcome());
    await until(() => chat.state.link === 'online' && chat.state.limitedMs === null);
  });

  it('over the new-conversation limit: keeps the message queued and resends nothing before retryAfterMs', async () => {
    const chat = open();
    await server.take('hello');
    server.push(welcome());
    chat.send('hello?');
    const first = await server.take('message.send');
    server.push({
      type: 'error',
      ref: first.ref ?? '',
      code: 'rate_limited',
      message: 'Too many',
      retryAfterMs: TWO_MINUTES,
    });
    await until(() => chat.state.limitedMs === TWO_MINUTES);
    chat.wake();
    await aWhile();
    assert.deepEqual(server.unread('message.send'), []);
    assert.equal(chat.state.timeline.outbox[0]?.failed, undefined, 'still waiting, not failed');
  });

  it('resends the same message once the wait is over', async () => {
    open().send('hello?');
    await server.take('hello');
    server.push(welcome());
    const first = await server.take('message.send');
    server.push({
      type: 'error',
      ref: first.ref ?? '',
      code: 'rate_limited',
      message: 'Too many',
      retryAfterMs: 30,
    });
    assert.equal((await server.take('message.send')).clientKey, first.clientKey);
  });
});

describe('chat: a site the server does not serve', () => {
  it('says chat is unavailable, warns the site owner about CANDOR_ALLOWED_ORIGINS, and stops trying', async () => {
    server.refusing = true;
    const chat = open();
    await until(() => chat.state.link === 'unavailable');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /CANDOR_ALLOWED_ORIGINS/);
    const refused = server.refusedUpgrades;
    chat.wake();
    await aWhile();
    assert.equal(server.refusedUpgrades, refused, 'no more attempts');
    assert.equal(server.statusChecks, 1);
  });

  it('keeps trying when the server cannot say (an older Candor), and warns no one', async () => {
    server.refusing = true;
    const chat = createChat({
      url: server.url,
      WebSocket,
      store: memoryStore(),
      locale: 'en',
      backoff: { baseMs: 5, capMs: 20 },
      statusUrl: `${server.httpUrl}/not-candor`,
      warn: (text) => warnings.push(text),
    });
    chats.push(chat);
    chat.start();
    await until(() => server.refusedUpgrades >= 5);
    assert.equal(chat.state.link, 'reconnecting');
    assert.deepEqual(warnings, []);
  });
});
