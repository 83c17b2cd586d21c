/**
 * The agents' tools on a real server: private notes never reach a visitor (frames or history), the
 * activity trail names who did what, tags are agents' only and filter the list, and canned responses
 * obey who owns them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Activity, CannedResponse, Conversation, Note, ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('agent tools over REST and WebSocket', () => {
  let server: TestServer;
  let admin: string;
  let ada: { cookie: string; id: string };
  let bob: { cookie: string; id: string };
  const api = async <T = unknown>(
    path: string,
    cookie: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; json: T }> => {
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', cookie },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
  };
  const newAgent = async (name: string) => {
    const email = `${name.toLowerCase()}@example.test`;
    const created = await api<{ agent: { id: string }; password: string }>('/api/v1/agents', admin, {
      method: 'POST',
      body: { email, name },
    });
    return { id: created.json.agent.id, cookie: await logIn(server.url, email, created.json.password) };
  };
  /** A visitor with a conversation, following it on their socket. */
  const visitorWithConversation = async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Hello, I need help');
    visitor.send({ type: 'conversation.subscribe', conversationId: first.conversationId, afterSeq: 0 });
    await visitor.next('conversation.history');
    return { visitor, conversationId: first.conversationId };
  };

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    ada = await newAgent('Ada');
    bob = await newAgent('Bob');
  });
  after(() => server.close());

  it('a private note reaches agents following the conversation, never the visitor, and takes no seq', async () => {
    const { visitor, conversationId } = await visitorWithConversation();
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: ada.cookie });
    agent.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await agent.next('conversation.history');

    const secret = 'internal: customer is on the legacy plan';
    const posted = await api<{ note: Note }>(`/api/v1/conversations/${conversationId}/notes`, ada.cookie, {
      method: 'POST',
      body: { body: secret },
    });
    assert.equal(posted.status, 201);
    assert.equal(posted.json.note.author.name, 'Ada');
    assert.equal((await agent.next('note.created')).note.body, secret);

    // Sent after the note on the same topic: if the note were delivered to the visitor, it came first.
    const reply = await agent.sendMessage(conversationId, 'Let me check that for you');
    assert.equal(reply.seq, 2, 'the note took no seq');
    assert.equal((await visitor.next('message.created')).message.seq, 2);
    assert.doesNotMatch(JSON.stringify(visitor.frames), /legacy plan|note\.created|activity\.recorded/);

    // A visitor resuming from scratch gets the messages, with no hole and no note.
    visitor.send({ type: 'conversation.unsubscribe', conversationId });
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    const history = await visitor.next('conversation.history');
    assert.deepEqual(
      history.messages.map((m) => m.seq),
      [1, 2],
    );
    assert.doesNotMatch(JSON.stringify(history), /legacy plan|tags/);

    const listed = await api<{ notes: Note[] }>(`/api/v1/conversations/${conversationId}/notes`, bob.cookie);
    assert.deepEqual(
      listed.json.notes.map((n) => n.body),
      [secret],
    );
    visitor.close();
    agent.close();
  });

  it('refuses empty and over-long notes, and notes on a conversation the caller cannot see', async () => {
    const { visitor, conversationId } = await visitorWithConversation();
    const post = (body: string, id = conversationId) =>
      api(`/api/v1/conversations/${id}/notes`, ada.cookie, { method: 'POST', body: { body } });
    assert.equal((await post('   ')).status, 400);
    assert.equal((await post('x'.repeat(4001))).status, 413);
    assert.equal((await post('hi', 'no-such-conversation')).status, 404);
    assert.equal((await api(`/api/v1/conversations/${conversationId}/notes`, '')).status, 401);
    visitor.close();
  });

  it('records who resolved, reopened, assigned and tagged, and shows it to agents only', async () => {
    const { visitor, conversationId } = await visitorWithConversation();
    const { client: watcher } = await TestClient.hello(server.wsUrl, 'agent', { cookie: bob.cookie });
    watcher.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await watcher.next('conversation.history');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: ada.cookie });
    agent.send({ type: 'inbox.subscribe' });
    await agent.next('inbox.snapshot');

    assert.equal(
      (await agent.request({ type: 'conversation.assign', conversationId, agentId: ada.id })).type,
      'ack',
    );
    assert.equal((await agent.request({ type: 'conversation.resolve', conversationId })).type, 'ack');
    assert.equal((await agent.request({ type: 'conversation.reopen', conversationId })).type, 'ack');
    const tagged = await api<{ conversation: Conversation }>(
      `/api/v1/conversations/${conversationId}/tags`,
      ada.cookie,
      { method: 'PUT', body: { tags: ['Billing', ' VIP ', 'billing'] } },
    );
    assert.equal(tagged.status, 200);
    assert.deepEqual(tagged.json.conversation.tags, ['billing', 'vip']);
    const updated = await agent.next('tags.updated');
    assert.deepEqual([updated.conversationId, updated.tags], [conversationId, ['billing', 'vip']]);
    await api(`/api/v1/conversations/${conversationId}/tags`, ada.cookie, {
      method: 'PUT',
      body: { tags: ['vip'] },
    });

    const trail = await api<{ activity: Activity[] }>(
      `/api/v1/conversations/${conversationId}/activity`,
      bob.cookie,
    );
    assert.deepEqual(
      trail.json.activity.map((a) => [a.kind, a.actor.type, a.actor.name, a.detail]),
      [
        ['assigned', 'agent', 'Ada', { agentId: ada.id, agentName: 'Ada' }],
        ['resolved', 'agent', 'Ada', {}],
        ['reopened', 'agent', 'Ada', {}],
        ['tagged', 'agent', 'Ada', { tags: ['billing', 'vip'] }],
        ['untagged', 'agent', 'Ada', { tags: ['billing'] }],
      ],
    );
    // Live to the agent following the conversation, in the same order.
    const live: string[] = [];
    for (let i = 0; i < 5; i++) live.push((await watcher.next('activity.recorded')).activity.kind);
    assert.deepEqual(live, ['assigned', 'resolved', 'reopened', 'tagged', 'untagged']);

    // The visitor saw the status change (as before) and nothing of the trail or the tags.
    const statuses = visitor.frames.filter(
      (f): f is Extract<ServerFrame, { type: 'conversation.updated' }> => f.type === 'conversation.updated',
    );
    assert.ok(statuses.some((f) => f.conversation.status === 'resolved'));
    assert.doesNotMatch(JSON.stringify(visitor.frames), /activity|tags|vip|billing/);
    visitor.close();
    watcher.close();
    agent.close();
  });

  it('filters the conversation list by tag and refuses tags past the limits', async () => {
    const { visitor, conversationId } = await visitorWithConversation();
    const { visitor: other } = await visitorWithConversation();
    const put = (tags: string[]) =>
      api(`/api/v1/conversations/${conversationId}/tags`, bob.cookie, { method: 'PUT', body: { tags } });
    assert.equal((await put(['Refund Request'])).status, 200);
    const list = await api<{ conversations: Conversation[] }>(
      '/api/v1/conversations?tag=refund%20request',
      ada.cookie,
    );
    assert.deepEqual(
      list.json.conversations.map((c) => [c.id, c.tags]),
      [[conversationId, ['refund request']]],
    );
    const all = await api<{ conversations: Conversation[] }>('/api/v1/conversations', ada.cookie);
    assert.ok(all.json.conversations.length >= 2);
    assert.equal((await put(['x'.repeat(33)])).status, 413);
    assert.equal((await put(Array.from({ length: 11 }, (_, i) => `t${i}`))).status, 413);
    assert.equal((await put(['<script>'])).status, 400);
    visitor.close();
    other.close();
  });

  it('canned responses: shared for all, personal for their owner; only admins change shared ones', async () => {
    const create = (cookie: string, body: object) =>
      api<{ cannedResponse: CannedResponse }>('/api/v1/canned-responses', cookie, { method: 'POST', body });
    assert.equal(
      (await create(ada.cookie, { scope: 'shared', shortcut: 'hello', body: 'Hi' })).status,
      403,
      'agents cannot add shared ones',
    );
    const shared = await create(admin, {
      scope: 'shared',
      shortcut: 'Hello',
      locale: 'fr',
      body: 'Bonjour {{visitor.name}}',
    });
    assert.equal(shared.status, 201);
    assert.equal(shared.json.cannedResponse.shortcut, 'hello');
    const personal = await create(ada.cookie, { shortcut: 'thanks', body: 'Thanks, {{agent.name}}' });
    assert.equal(personal.status, 201);
    assert.deepEqual(
      [personal.json.cannedResponse.scope, personal.json.cannedResponse.ownerId],
      ['personal', ada.id],
    );
    assert.equal((await create(ada.cookie, { shortcut: 'thanks', body: 'again' })).status, 409);
    assert.equal((await create(ada.cookie, { shortcut: 'no spaces', body: 'x' })).status, 400);

    const shortcuts = async (cookie: string) =>
      (
        await api<{ cannedResponses: CannedResponse[] }>('/api/v1/canned-responses', cookie)
      ).json.cannedResponses
        .map((c) => c.shortcut)
        .sort();
    assert.deepEqual(await shortcuts(ada.cookie), ['hello', 'thanks']);
    assert.deepEqual(await shortcuts(bob.cookie), ['hello'], "Bob does not see Ada's personal one");

    const sharedUrl = `/api/v1/canned-responses/${shared.json.cannedResponse.id}`;
    const adasUrl = `/api/v1/canned-responses/${personal.json.cannedResponse.id}`;
    const patch = (url: string, cookie: string) =>
      api(url, cookie, { method: 'PATCH', body: { body: 'changed' } });
    assert.equal((await patch(sharedUrl, bob.cookie)).status, 403);
    assert.equal((await api(sharedUrl, bob.cookie, { method: 'DELETE' })).status, 403);
    assert.equal(
      (await patch(adasUrl, bob.cookie)).status,
      404,
      "another agent's personal one does not exist",
    );
    assert.equal((await api(adasUrl, bob.cookie, { method: 'DELETE' })).status, 404);
    assert.equal((await patch(adasUrl, ada.cookie)).status, 200);
    assert.equal((await patch(adasUrl, admin)).status, 200, 'an admin may');
    assert.equal((await patch(sharedUrl, admin)).status, 200);
    assert.equal((await api(adasUrl, ada.cookie, { method: 'DELETE' })).status, 204);
    assert.equal((await api(sharedUrl, admin, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await shortcuts(ada.cookie), []);
  });

  it('a canned response may be in English, in French or in no language; one of each per shortcut', async () => {
    const create = (locale: 'en' | 'fr' | null | undefined) =>
      api<{ cannedResponse: CannedResponse }>('/api/v1/canned-responses', bob.cookie, {
        method: 'POST',
        body: {
          shortcut: 'merci',
          body: `merci ${String(locale)}`,
          ...(locale === undefined ? {} : { locale }),
        },
      });
    const none = await create(null);
    assert.equal(none.status, 201);
    assert.equal(none.json.cannedResponse.locale, null);
    assert.equal((await create('fr')).status, 201);
    assert.equal((await create(undefined)).json.cannedResponse.locale, 'en', 'omitted: English, as before');
    assert.equal((await create(null)).status, 409);
    const listed = await api<{ cannedResponses: CannedResponse[] }>('/api/v1/canned-responses', bob.cookie);
    assert.deepEqual(
      listed.json.cannedResponses
        .filter((c) => c.shortcut === 'merci')
        .map((c) => c.locale)
        .sort(),
      ['en', 'fr', null].sort(),
    );
    const url = `/api/v1/canned-responses/${none.json.cannedResponse.id}`;
    assert.equal((await api(url, bob.cookie, { method: 'PATCH', body: { locale: 'fr' } })).status, 409);
    assert.equal((await api(url, bob.cookie, { method: 'PATCH', body: { locale: 'de' } })).status, 400);
  });
});
