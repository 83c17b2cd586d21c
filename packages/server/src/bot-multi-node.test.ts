/**
 * The bot on two nodes sharing PostgreSQL and Redis: one visitor with a tab on each node clicks "No"
 * on the same answer in both at once. The bot's state is saved only over the version it was read at,
 * so exactly one next article is offered (not two, and no handover for a double "miss").
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION, type Message } from '@candor/protocol';
import { DEMO_ARTICLES_DIR } from './help/demo-articles';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';
import { adminQuery, describeWithPostgres, freshSchema, TEST_DATABASE_URL } from './testing/postgres-test-db';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describeWithPostgres('the bot on two nodes', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;
  let admin: string;

  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      bus: { kind: 'redis' as const, url: REDIS_URL, prefix: schema },
    };
    a = await startTestServer({ ...shared, demoArticlesDir: DEMO_ARTICLES_DIR });
    b = await startTestServer(shared);
    admin = await logIn(a.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${a.url}/api/v1/inboxes/default`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ bot: { enabled: true } }),
    });
    assert.equal(res.status, 200);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('a "No" clicked at once in two tabs on two nodes offers one next article', async () => {
    const tabA = await TestClient.connect(a.wsUrl, 'visitor');
    tabA.send({ type: 'hello', protocol: PROTOCOL_VERSION, locale: 'en' });
    const welcome = await tabA.next('welcome');
    // Node B learned of the switch by the bus: its welcome says the bot answers too.
    const { client: tabB, welcome: welcomeB } = await TestClient.hello(b.wsUrl, 'visitor', {
      visitorToken: welcome.visitor?.token ?? '',
    });
    assert.deepEqual(welcomeB.bot, { enabled: true });
    const first = await tabA.sendMessage(null, 'How do I get a refund for my order?');
    const conversationId = first.conversationId;
    const messages = async () => {
      const res = await fetch(`${a.url}/api/v1/conversations/${conversationId}/messages`, {
        headers: { cookie: admin },
      });
      return ((await res.json()) as { messages: Message[] }).messages;
    };
    let answer: Message | undefined;
    for (let i = 0; i < 100 && !answer; i++) {
      answer = (await messages()).find((m) => m.author.type === 'bot');
      if (!answer) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(answer, 'the bot answered');
    const no = { type: 'bot.feedback', conversationId, messageId: answer.id, helpful: false };
    const replies = await Promise.all([tabA.request(no), tabB.request(no)]);
    assert.deepEqual(
      replies.map((r) => r.type),
      ['ack', 'ack'],
    );
    const after = await messages();
    assert.deepEqual(
      after.map((m) => m.author.type),
      ['visitor', 'bot', 'bot'],
      'one next article, no second reply',
    );
    assert.equal(after[2]?.botActive, true, 'the second click was not taken as a second miss');
    const state = await adminQuery<{ version: number }>(
      `select version from ${schema}.bot_states where conversation_id = $1`,
      [conversationId],
    );
    assert.equal(state.length, 1);
    tabA.close();
    tabB.close();
  });
});
