/**
 * Signed identity through a real server: the host site vouches for a user with an HS256 token; the
 * ways a token is refused each have their own error code; an enforce inbox admits signed visitors
 * only; a visitor who merely types a signed user's email never reaches that user's history.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import {
  CLOSE_CODES,
  PROTOCOL_VERSION,
  type Conversation,
  type ErrorCode,
  type ServerFrame,
} from '@candor/protocol';
import { startTestServer, ADMIN, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

const SECRET = 'identity-secret-for-tests-0123456789abcdef';

async function token(
  claims: Record<string, unknown>,
  options: { secret?: string; expiresInS?: number; exp?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  jwt.setExpirationTime(options.exp ?? now + (options.expiresInS ?? 300));
  // A random jti: two tokens made in the same second for the same user are different tokens.
  jwt.setJti(crypto.randomUUID());
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function hello(server: TestServer, fields: { identityToken?: string; visitorToken?: string } = {}) {
  const client = await TestClient.connect(server.wsUrl, 'visitor');
  client.send({ type: 'hello', protocol: PROTOCOL_VERSION, ...fields });
  return client;
}

async function refused(server: TestServer, fields: { identityToken?: string; visitorToken?: string }) {
  const client = await hello(server, fields);
  const error = await client.next('error');
  assert.equal(await client.closed(), CLOSE_CODES.identityRefused);
  assert.equal(client.frames.filter((f) => f.type === 'welcome').length, 0, 'no welcome');
  return error.code;
}

async function signedIn(server: TestServer, claims: Record<string, unknown>) {
  const client = await hello(server, { identityToken: await token(claims) });
  const welcome = await client.next('welcome');
  return { client, welcome };
}

async function patchInbox(server: TestServer, cookie: string, body: object) {
  const res = await fetch(`${server.url}/api/v1/inboxes/default`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { inbox: Record<string, unknown> }).inbox;
}

describe('signed identity', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer({ identitySecret: SECRET });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('a valid token signs the visitor in, and a second browser of the same user sees their conversations', async () => {
    const sub = `user-${crypto.randomUUID()}`;
    const first = await signedIn(server, { sub, email: 'Ada@Example.test', name: 'Ada Lovelace' });
    assert.equal(first.welcome.visitor?.verification, 'signed');
    assert.equal(first.welcome.visitor?.name, 'Ada Lovelace');
    const message = await first.client.sendMessage(null, 'Hello from my laptop');
    first.client.close();

    const second = await signedIn(server, { sub });
    second.client.close();
    assert.equal(second.welcome.visitor?.id, first.welcome.visitor?.id, 'one visitor across browsers');
    assert.deepEqual(
      second.welcome.conversations.map((c) => c.id),
      [message.conversationId],
    );
    // The token issued in the welcome resumes the signed visitor (a reconnect needs no identity token).
    const resumed = await TestClient.hello(server.wsUrl, 'visitor', {
      visitorToken: second.welcome.visitor?.token ?? '',
    });
    resumed.client.close();
    assert.equal(resumed.welcome.visitor?.id, first.welcome.visitor?.id);
    assert.equal(resumed.welcome.visitor?.verification, 'signed');
  });

  it("the inbox shows each conversation's verification level, and its change live", async () => {
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    agent.send({ type: 'inbox.subscribe' });
    await agent.next('inbox.snapshot');
    const { client: anonymous } = await TestClient.hello(server.wsUrl, 'visitor');
    const plain = await anonymous.sendMessage(null, 'Hello');
    const { client: declared } = await TestClient.hello(server.wsUrl, 'visitor');
    const declaring = await declared.sendMessage(null, 'Hello, I am Lin');
    const signed = await signedIn(server, { sub: `user-${crypto.randomUUID()}`, name: 'Ada' });
    const vouched = await signed.client.sendMessage(null, 'Hello from my account');
    assert.equal((await declared.request({ type: 'contact.update', name: 'Lin' })).type, 'ack');
    const live = await agent.waitFor(
      (f): f is Extract<ServerFrame, { type: 'conversation.updated' }> =>
        f.type === 'conversation.updated' &&
        f.conversation.id === declaring.conversationId &&
        f.conversation.verification === 'self_declared',
    );
    assert.equal(live.conversation.visitorName, 'Lin');

    const res = await fetch(`${server.url}/api/v1/conversations`, { headers: { cookie: admin } });
    const { conversations } = (await res.json()) as { conversations: Conversation[] };
    const level = (id: string) => conversations.find((c) => c.id === id)?.verification;
    assert.deepEqual(
      [level(plain.conversationId), level(declaring.conversationId), level(vouched.conversationId)],
      ['anonymous', 'self_declared', 'signed'],
    );
    for (const c of [agent, anonymous, declared, signed.client]) c.close();
  });

  it('refuses an expired token', async () => {
    const expired = await token({ sub: 'u1' }, { exp: Math.floor(Date.now() / 1000) - 120 });
    assert.equal(await refused(server, { identityToken: expired }), 'identity_expired' satisfies ErrorCode);
  });

  it('refuses a token signed with another secret', async () => {
    const wrong = await token({ sub: 'u1' }, { secret: 'another-secret-that-is-long-enough-000000' });
    assert.equal(await refused(server, { identityToken: wrong }), 'identity_invalid');
  });

  it('refuses alg none, whatever the claims', async () => {
    const exp = Math.floor(Date.now() / 1000) + 300;
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'u1', exp })}.`;
    assert.equal(await refused(server, { identityToken: unsigned }), 'identity_invalid');
  });

  it('refuses a token living more than 10 minutes, and one without sub', async () => {
    const long = await token({ sub: 'u1' }, { expiresInS: 3600 });
    assert.equal(await refused(server, { identityToken: long }), 'identity_invalid');
    const noSub = await token({ email: 'a@b.test' });
    assert.equal(await refused(server, { identityToken: noSub }), 'identity_invalid');
  });

  it('refuses a replayed token, even from the browser that used it first', async () => {
    const once = await token({ sub: `user-${crypto.randomUUID()}` });
    const first = await hello(server, { identityToken: once });
    assert.equal((await first.next('welcome')).visitor?.verification, 'signed');
    first.close();
    assert.equal(await refused(server, { identityToken: once }), 'identity_replayed');
  });

  it("an unsigned visitor typing a signed user's email stays apart from them", async () => {
    const sub = `user-${crypto.randomUUID()}`;
    const signed = await signedIn(server, { sub, email: 'grace@example.test', name: 'Grace Hopper' });
    const secret = await signed.client.sendMessage(null, 'My order 1234');
    signed.client.close();

    const { client: stranger, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const reply = await stranger.request({
      type: 'contact.update',
      email: 'grace@example.test',
      name: 'Grace',
    });
    assert.equal(reply.type, 'ack');
    assert.equal(reply.type === 'ack' ? reply.contact?.verification : null, 'self_declared');
    const own = await stranger.sendMessage(null, 'Where is my order?');
    stranger.close();
    assert.notEqual(own.conversationId, secret.conversationId);

    // Resuming the stranger: still only their own conversation.
    const again = await TestClient.hello(server.wsUrl, 'visitor', {
      visitorToken: welcome.visitor?.token ?? '',
    });
    again.client.close();
    assert.notEqual(again.welcome.visitor?.id, signed.welcome.visitor?.id);
    assert.deepEqual(
      again.welcome.conversations.map((c) => c.id),
      [own.conversationId],
    );
    // Nor can they subscribe to the signed user's conversation.
    const probe = await TestClient.hello(server.wsUrl, 'visitor', {
      visitorToken: again.welcome.visitor?.token ?? '',
    });
    const sub2 = await probe.client.request({
      type: 'conversation.subscribe',
      conversationId: secret.conversationId,
      afterSeq: 0,
    });
    probe.client.close();
    assert.equal(sub2.type === 'error' ? sub2.code : sub2.type, 'not_found');

    // The contact panels: each its own, earlier conversations by visitor, never by email.
    const contactOf = async (id: string) => {
      const res = await fetch(`${server.url}/api/v1/conversations/${id}/contact`, {
        headers: { cookie: admin },
      });
      assert.equal(res.status, 200);
      return (
        (await res.json()) as {
          contact: { verification: string; email: string; conversations: { id: string }[] };
        }
      ).contact;
    };
    const strangerContact = await contactOf(own.conversationId);
    assert.equal(strangerContact.verification, 'self_declared');
    assert.deepEqual(strangerContact.conversations, []);
    const signedContact = await contactOf(secret.conversationId);
    assert.equal(signedContact.verification, 'signed');
    assert.equal(signedContact.email, 'grace@example.test');
  });

  it('a signed visitor cannot replace the name and email the site vouched for', async () => {
    const { client } = await signedIn(server, {
      sub: `user-${crypto.randomUUID()}`,
      email: 'x@example.test',
    });
    const reply = await client.request({ type: 'contact.update', email: 'other@example.test' });
    client.close();
    assert.equal(reply.type === 'error' ? reply.code : reply.type, 'forbidden');
  });

  it('with enforce on, only signed visitors get in; off again, anonymous ones do', async () => {
    const { client: before, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    before.close();
    const inbox = await patchInbox(server, admin, { identity: { enforce: true } });
    assert.deepEqual(inbox.identity, { secretSet: true, fromEnvironment: true, enforce: true });
    try {
      assert.equal(await refused(server, {}), 'identity_required', 'a new anonymous visitor');
      assert.equal(
        await refused(server, { visitorToken: welcome.visitor?.token ?? '' }),
        'identity_required',
        'a returning anonymous visitor',
      );
      const { client, welcome: signed } = await signedIn(server, { sub: `user-${crypto.randomUUID()}` });
      assert.equal(signed.visitor?.verification, 'signed');
      const typed = await client.request({ type: 'contact.update', name: 'Someone else' });
      assert.equal(typed.type === 'error' ? typed.code : typed.type, 'forbidden', 'names come from the site');
      await client.sendMessage(null, 'Signed and welcome');
      client.close();
    } finally {
      await patchInbox(server, admin, { identity: { enforce: false } });
    }
    const { client: anonymous, welcome: after } = await TestClient.hello(server.wsUrl, 'visitor');
    anonymous.close();
    assert.equal(after.visitor?.verification, 'anonymous');
  });

  it('a secret set in the console replaces the environment one and is never sent back', async () => {
    const own = 'console-secret-for-tests-abcdefghijklmnopqrstuvwxyz';
    const inbox = await patchInbox(server, admin, { identity: { secret: own } });
    try {
      assert.deepEqual(inbox.identity, { secretSet: true, fromEnvironment: false, enforce: false });
      const listed = await fetch(`${server.url}/api/v1/inboxes`, { headers: { cookie: admin } });
      const text = await listed.text();
      assert.ok(!text.includes(own) && !text.includes(SECRET), 'no secret in the answer');
      const withEnv = await token({ sub: 'u2' });
      assert.equal(await refused(server, { identityToken: withEnv }), 'identity_invalid');
      const withOwn = await token({ sub: `user-${crypto.randomUUID()}` }, { secret: own });
      const client = await hello(server, { identityToken: withOwn });
      assert.equal((await client.next('welcome')).visitor?.verification, 'signed');
      client.close();
    } finally {
      await patchInbox(server, admin, { identity: { secret: null } });
    }
  });
});

describe('contact writes from one socket', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ frameRate: { perSecond: 1000, burst: 1000 } });
  });
  after(() => server.close());

  it('page reports past the burst are refused with rate_limited, and nothing but http(s) is kept', async () => {
    const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const bad = await client.request({ type: 'page.view', url: 'javascript:alert(1)', title: 'x' });
    assert.equal(bad.type === 'error' ? bad.code : bad.type, 'bad_frame');
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      client.send({ type: 'page.view', url: `https://shop.test/p/${i}`, title: `P${i}` });
    }
    // page.view has no ack: a subscribe after them answers once they were all handled.
    const done = await client.request({ type: 'conversation.unsubscribe', conversationId: 'none' });
    assert.equal(done.type, 'ack');
    for (const f of client.frames) if (f.type === 'error') codes.push(f.code);
    client.close();
    assert.ok(codes.length >= 5 && codes.every((c) => c === 'rate_limited'), codes.join());
    const kept = await server.store.listPages(welcome.visitor?.id ?? '', 100);
    assert.ok(kept.length >= 25 && kept.length <= 35, `${kept.length} pages kept`);
    assert.ok(kept.every((p) => p.url.startsWith('https://shop.test/p/')));
  });
});
