/**
 * On a real server with the demo's help articles: the bot answers a new conversation first, with an
 * article and "Did this answer your question?"; Yes ends its turn; No offers the next best article,
 * then hands over; a typed request, a question no article answers and a frustrated visitor hand over
 * by themselves. A handover puts the conversation in routing (here: given to the one online agent);
 * before it, the conversation is not routed. The bot's frames are the conversation's visitor's alone,
 * and an inbox without the bot behaves as before.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION, type Inbox, type Message, type ServerFrame } from '@candor/protocol';
import { DEFAULT_INBOX_ID } from '../domain/types';
import { DEMO_ARTICLES_DIR } from '../help/demo-articles';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bot in conversations', () => {
  let server: TestServer;
  let admin: string;
  let adminId: string;
  let agentSocket: TestClient;

  const api = async (path: string, init: { method?: string; body?: object; cookie?: string } = {}) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie: init.cookie ?? admin, 'content-type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
  };
  const setBot = (enabled: boolean) =>
    api(`/inboxes/${DEFAULT_INBOX_ID}`, { method: 'PATCH', body: { bot: { enabled } } });
  const messagesOf = async (conversationId: string) =>
    (await api(`/conversations/${conversationId}/messages`)).body.messages as Message[];
  const conversationOf = async (conversationId: string) =>
    (await api(`/conversations/${conversationId}`)).body.conversation as { assigneeId: string | null };

  /** A visitor whose browser speaks `locale`, following the conversation they start with `text`. */
  async function visitorAsks(locale: string, text: string) {
    const client = await TestClient.connect(server.wsUrl, 'visitor');
    client.send({ type: 'hello', protocol: PROTOCOL_VERSION, locale });
    const welcome = await client.next('welcome');
    const first = await client.sendMessage(null, text);
    const conversationId = first.conversationId;
    client.send({ type: 'conversation.subscribe', conversationId, afterSeq: first.seq });
    return { client, welcome, conversationId };
  }

  /** The bot's next message to this visitor (live, or in the history replayed at subscribe). */
  async function botSays(client: TestClient, seen: Set<string>): Promise<Message> {
    for (;;) {
      const frame = await client.waitFor(
        (f): f is Frame<'message.created'> | Frame<'conversation.history'> =>
          f.type === 'message.created' || f.type === 'conversation.history',
        10_000,
      );
      const messages = frame.type === 'message.created' ? [frame.message] : frame.messages;
      const bot = messages.find((m) => m.author.type === 'bot' && !seen.has(m.id));
      if (bot) {
        seen.add(bot.id);
        return bot;
      }
    }
  }

  before(async () => {
    server = await startTestServer({ demoArticlesDir: DEMO_ARTICLES_DIR, autoAssign: true });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    adminId = ((await api('/me')).body.agent as { id: string }).id;
    // Room for every conversation the tests hand over.
    const room = await api(`/routing/agents/${adminId}`, { method: 'PATCH', body: { capacity: 100 } });
    assert.equal(room.status, 200);
    // The admin's console is open: routing may give them conversations, once the bot lets it.
    ({ client: agentSocket } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin }));
    agentSocket.send({ type: 'inbox.subscribe' });
    await agentSocket.next('inbox.snapshot');
    await until(async () => {
      const list = (await api('/routing/agents')).body.agents as {
        agentId: string;
        effectiveStatus: string;
      }[];
      return list.find((a) => a.agentId === adminId)?.effectiveStatus === 'online';
    });
  });
  after(async () => {
    agentSocket.close();
    await server.close();
  });

  it('is switched per inbox by admins only, and the inbox shows it', async () => {
    const off = (await api('/inboxes')).body.inboxes as Inbox[];
    assert.equal(off.find((i) => i.id === DEFAULT_INBOX_ID)?.bot?.enabled, false);
    const bad = await api(`/inboxes/${DEFAULT_INBOX_ID}`, {
      method: 'PATCH',
      body: { bot: { enabled: 'yes' } },
    });
    assert.equal(bad.status, 400);
    const password = 'agent-password-for-tests';
    const made = await api('/agents', {
      method: 'POST',
      body: { email: 'plain@example.test', name: 'Plain', password },
    });
    const plain = await logIn(server.url, 'plain@example.test', password);
    assert.equal((await setBot(true)).status, 200);
    const refused = await api(`/inboxes/${DEFAULT_INBOX_ID}`, {
      method: 'PATCH',
      body: { bot: { enabled: false } },
      cookie: plain,
    });
    assert.equal(refused.status, 403);
    const on = (await api('/inboxes')).body.inboxes as Inbox[];
    assert.equal(
      on.find((i) => i.id === DEFAULT_INBOX_ID)?.bot?.enabled,
      true,
      'unchanged by the refused call',
    );
    // Out of routing's way: only the admin takes conversations in the tests below.
    const plainId = (made.body.agent as { id: string }).id;
    await api(`/agents/${plainId}`, { method: 'PATCH', body: { active: false } });
  });

  it('answers a French visitor with an article, is not routed meanwhile, and Yes ends its turn', async () => {
    await setBot(true);
    const seen = new Set<string>();
    const { client, welcome, conversationId } = await visitorAsks(
      'fr',
      'Bonjour, je voudrais être remboursé de ma commande',
    );
    assert.deepEqual(
      welcome.bot,
      { enabled: true },
      'the widget is told to say it is an automated assistant',
    );
    const answer = await botSays(client, seen);
    assert.match(answer.body, /Cela a-t-il répondu à votre question \?/);
    assert.equal(answer.botActive, true);
    assert.equal(answer.articles?.length, 1);
    assert.match(answer.articles?.[0]?.url ?? '', /^\/help\/fr\/[a-z-]+$/);
    assert.ok((answer.confidence ?? 0) >= 0.4);
    // The article's page exists in the help centre.
    assert.equal((await fetch(`${server.url}${answer.articles?.[0]?.url ?? '/missing'}`)).status, 200);
    // An agent is online and auto-assignment is on, yet the bot holds the conversation.
    assert.equal((await conversationOf(conversationId)).assigneeId, null);
    const queue = (await api(`/inboxes/${DEFAULT_INBOX_ID}/queue`)).body.queue as {
      conversationIds?: string[];
    };
    assert.ok(!JSON.stringify(queue).includes(conversationId), 'not in the queue while the bot answers');

    const yes = await client.request({
      type: 'bot.feedback',
      conversationId,
      messageId: answer.id,
      helpful: true,
    });
    assert.equal(yes.type, 'ack');
    const glad = (await messagesOf(conversationId)).at(-1)!;
    assert.equal(glad.author.type, 'bot');
    assert.match(glad.body, /Tant mieux/);
    // A second click on the same answer changes nothing.
    await client.request({ type: 'bot.feedback', conversationId, messageId: answer.id, helpful: false });
    assert.equal((await messagesOf(conversationId)).length, 3);
    assert.equal((await conversationOf(conversationId)).assigneeId, null);
    client.close();
  });

  it('No offers the next best article once, then hands over to routing, and the bot is silent after', async () => {
    await setBot(true);
    const seen = new Set<string>();
    const { client, conversationId } = await visitorAsks('en', 'How do I get a refund for my order?');
    const first = await botSays(client, seen);
    assert.equal(
      (await client.request({ type: 'bot.feedback', conversationId, messageId: first.id, helpful: false }))
        .type,
      'ack',
    );
    const second = await botSays(client, seen);
    assert.match(second.body, /Maybe this one/);
    assert.notEqual(second.articles?.[0]?.id, first.articles?.[0]?.id);
    await client.request({ type: 'bot.feedback', conversationId, messageId: second.id, helpful: false });
    const handover = await botSays(client, seen);
    assert.equal(handover.botActive, false);
    assert.match(handover.body, /member of the team/);
    await until(async () => (await conversationOf(conversationId)).assigneeId === adminId);
    // From now on, a person answers: the visitor's next message gets no bot reply.
    await client.sendMessage(conversationId, 'Thanks, waiting');
    await new Promise((r) => setTimeout(r, 300));
    const all = await messagesOf(conversationId);
    assert.deepEqual(
      all.map((m) => m.author.type),
      ['visitor', 'bot', 'bot', 'bot', 'visitor'],
      'the agent sees the whole exchange',
    );
    assert.equal(all[1]?.articles?.length, 1, 'history carries the articles offered');
    client.close();
  });

  for (const [name, locale, text, line] of [
    ['a typed request for a person', 'fr', "je veux parler à quelqu'un", /Bien sûr/],
    [
      'a question no article answers',
      'en',
      'What is the weather in Tokyo tomorrow?',
      /do not have a good answer/,
    ],
    ['a frustrated visitor', 'en', 'this is useless, nothing works!!!', /I am sorry/],
  ] as const) {
    it(`hands over at once on ${name}, in the visitor's language`, async () => {
      await setBot(true);
      const { client, conversationId } = await visitorAsks(locale, text);
      const reply = await botSays(client, new Set());
      assert.match(reply.body, line);
      assert.equal(reply.botActive, false);
      await until(async () => (await conversationOf(conversationId)).assigneeId === adminId);
      client.close();
    });
  }

  it('"Talk to a person" hands over after an answer', async () => {
    await setBot(true);
    const seen = new Set<string>();
    const { client, conversationId } = await visitorAsks(
      'fr',
      'Bonjour, je voudrais être remboursé de ma commande',
    );
    await botSays(client, seen);
    assert.equal((await client.request({ type: 'bot.handover', conversationId })).type, 'ack');
    const reply = await botSays(client, seen);
    assert.match(reply.body, /membre de l’équipe/);
    await until(async () => (await conversationOf(conversationId)).assigneeId === adminId);
    client.close();
  });

  it('an agent who takes the conversation silences the bot, which then leaves it to routing', async () => {
    await setBot(true);
    const { client, conversationId } = await visitorAsks('en', 'How do I get a refund for my order?');
    await botSays(client, new Set());
    const taken = await agentSocket.request({
      type: 'conversation.assign',
      conversationId,
      agentId: adminId,
    });
    assert.equal(taken.type, 'ack');
    await client.sendMessage(conversationId, 'Where is my parcel?');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      (await messagesOf(conversationId)).map((m) => m.author.type),
      ['visitor', 'bot', 'visitor'],
    );
    // Given back to the queue, it is routed like any other conversation.
    await agentSocket.request({ type: 'conversation.assign', conversationId, agentId: null });
    await until(async () => (await conversationOf(conversationId)).assigneeId === adminId);
    client.close();
  });

  it("refuses the bot's frames to another visitor and to agents", async () => {
    await setBot(true);
    const { client, conversationId } = await visitorAsks('en', 'How do I get a refund for my order?');
    const answer = await botSays(client, new Set());
    const { client: stranger } = await TestClient.hello(server.wsUrl, 'visitor');
    const theirs = await stranger.request({
      type: 'bot.feedback',
      conversationId,
      messageId: answer.id,
      helpful: false,
    });
    assert.equal(theirs.type === 'error' && theirs.code, 'not_found');
    const handover = await stranger.request({ type: 'bot.handover', conversationId });
    assert.equal(handover.type === 'error' && handover.code, 'not_found');
    const byAgent = await agentSocket.request({ type: 'bot.handover', conversationId });
    assert.equal(byAgent.type === 'error' && byAgent.code, 'forbidden');
    const malformed = await client.request({ type: 'bot.feedback', conversationId, helpful: 'no' });
    assert.equal(malformed.type === 'error' && malformed.code, 'bad_frame');
    // Nothing changed: the bot still holds the conversation.
    assert.equal((await messagesOf(conversationId)).length, 2);
    assert.equal((await conversationOf(conversationId)).assigneeId, null);
    stranger.close();
    client.close();
  });

  it('switched off, new conversations are routed as before and the ones it held go to the queue', async () => {
    await setBot(true);
    const held = await visitorAsks('en', 'How do I get a refund for my order?');
    await botSays(held.client, new Set());
    await setBot(false);
    await until(async () => (await conversationOf(held.conversationId)).assigneeId === adminId);
    const { client, welcome, conversationId } = await visitorAsks(
      'en',
      'How do I get a refund for my order?',
    );
    assert.equal(welcome.bot, undefined);
    await until(async () => (await conversationOf(conversationId)).assigneeId === adminId);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      (await messagesOf(conversationId)).map((m) => m.author.type),
      ['visitor'],
      'no bot message',
    );
    held.client.close();
    client.close();
  });

  it('uses an article as soon as it is published, and stops using it once deleted', async () => {
    await setBot(true);
    const created = await api('/articles', {
      method: 'POST',
      body: {
        title: 'Zorblax loyalty points',
        body: 'Zorblax points are credited to your account a week after delivery.',
        locale: 'en',
        published: true,
      },
    });
    assert.equal(created.status, 201);
    const { client } = await visitorAsks('en', 'When are my zorblax points credited?');
    const answer = await botSays(client, new Set());
    assert.equal(answer.articles?.[0]?.title, 'Zorblax loyalty points');
    client.close();
    const id = (created.body.article as { id: string }).id;
    assert.equal((await api(`/articles/${id}`, { method: 'DELETE' })).status, 204);
    const again = await visitorAsks('en', 'When are my zorblax points credited?');
    const reply = await botSays(again.client, new Set());
    assert.notEqual(reply.articles?.[0]?.title, 'Zorblax loyalty points');
    again.client.close();
  });
});
