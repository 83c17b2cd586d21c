/**
 * Offline messages, reply links and transcripts, widget side, against a scripted server: a message left
 * while the team is away goes with its email, a reply link's token is sent once, a transcript is asked.
 */
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import type { WelcomeFrame } from '@candor/protocol';
import { createChat, type Chat } from './chat';
import { FakeServer, conversation, until, welcome } from './fake-server';
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

function newChat(extra: { reopenToken?: string } = {}) {
  const chat = createChat({
    url: server.url,
    WebSocket,
    store: memoryStore(),
    locale: 'en',
    backoff: { baseMs: 5, capMs: 20 },
    ...extra,
  });
  chats.push(chat);
  return chat;
}

describe('chat: offline messages and email', () => {
  it('leaves the first message with an email while the team is away, then sends as usual', async () => {
    const chat = newChat();
    chat.start();
    await server.take('hello');
    server.push({ ...(welcome([]) as WelcomeFrame), hours: { open: false, nextOpening: null } });
    await until(() => chat.state.hours?.open === false);
    assert.equal(chat.leave('zoe@example.test', 'My parcel is lost'), true);
    const left = await server.take('message.leave');
    assert.deepEqual([left.email, left.body], ['zoe@example.test', 'My parcel is lost']);
    const c = conversation('c1');
    server.push({
      type: 'ack',
      ref: left.ref ?? '',
      conversation: c,
      message: {
        id: 'm1',
        conversationId: 'c1',
        seq: 1,
        author: { type: 'visitor', id: 'v1', name: 'Blue Fox' },
        body: 'My parcel is lost',
        clientKey: left.clientKey,
        createdAt: 1,
      },
    });
    await until(() => chat.state.timeline.conversationId === 'c1');
    const sub = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: sub.ref ?? '',
      conversation: c,
      messages: [],
      complete: true,
    });
    chat.send('Any news?');
    const next = await server.take('message.send');
    assert.equal(next.conversationId, 'c1');
  });

  it("sends a reply link's token in the hello, once", async () => {
    const chat = newChat({ reopenToken: 'tok-123' });
    chat.resume(); // a link alone is a reason to connect at load
    const hello = await server.take('hello');
    assert.equal(hello.reopenToken, 'tok-123');
    server.push(welcome([]));
    await until(() => chat.state.link === 'online');
    server.dropConnection();
    const again = await server.take('hello');
    assert.equal(again.reopenToken, undefined);
  });

  it('asks for the transcript of a resolved conversation and says when it is sent', async () => {
    const chat = newChat();
    chat.start();
    await server.take('hello');
    server.push(welcome([conversation('c1', { status: 'resolved' })]));
    await until(() => chat.state.timeline.conversation?.status === 'resolved');
    chat.transcript('me@example.test');
    const asked = await server.take('transcript.request');
    assert.deepEqual([asked.conversationId, asked.email], ['c1', 'me@example.test']);
    assert.equal(chat.state.transcript, 'sending');
    server.push({ type: 'ack', ref: asked.ref ?? '' });
    await until(() => chat.state.transcript === 'sent');
  });
});
