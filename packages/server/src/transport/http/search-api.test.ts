/** GET /api/v1/search against a real server: what an agent may find, how, and the limits. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SearchResponse } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn } from '../../testing/test-client';
import { SEARCH_RATE } from '../../commands/search-conversations';

describe('REST search', () => {
  let server: TestServer;
  let admin: string;
  const get = (path: string, cookie?: string) =>
    fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
  const search = async (params: Record<string, string>, cookie = admin) => {
    const res = await get(`/api/v1/search?${new URLSearchParams(params).toString()}`, cookie);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as SearchResponse;
  };
  /** A visitor's conversation, stored as the widget's first message would be. */
  const conversation = async (inboxId: string, body: string, now = Date.now()) => {
    const visitor = {
      id: `v-${randomUUID()}`,
      tokenHash: randomUUID(),
      name: 'Blue Fox',
      locale: 'fr',
      createdAt: now,
    };
    await server.store.createVisitor(visitor);
    const id = `c-${randomUUID()}`;
    await server.store.startConversation(
      { id, inboxId, visitorId: visitor.id },
      { authorType: 'visitor', authorId: visitor.id, body, clientKey: randomUUID(), now },
    );
    return id;
  };
  const agentSays = async (id: string, body: string) => {
    const res = await fetch(`${server.url}/api/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ clientKey: randomUUID(), body }),
    });
    assert.equal(res.status, 201);
  };

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('finds a conversation by a stemmed, accent-free word and marks where it matched', async () => {
    const id = await conversation('default', 'Bonjour, je voudrais être remboursée de ma commande');
    const { results, nextCursor } = await search({ q: 'rembourser commande' });
    assert.equal(nextCursor, null);
    const hit = results.find((r) => r.conversation.id === id);
    assert.ok(hit, 'found');
    assert.equal(hit.matchCount, 1);
    const [match] = hit.matches;
    assert.equal(match?.author.type, 'visitor');
    const marked = match?.snippet.highlights.map((h) => match.snippet.text.slice(h.start, h.end));
    assert.deepEqual(marked, ['remboursée', 'commande']);
  });

  it('never finds the digits of a card masked on the way in', async () => {
    const id = await conversation('default', 'Bonjour');
    await agentSays(id, 'Votre carte 4000 0566 5566 5556 a été débitée deux fois');
    const found = await search({ q: 'débiter' });
    assert.ok(found.results.some((r) => r.conversation.id === id));
    for (const q of ['4000056655665556', '0566', '4000 0566'])
      assert.deepEqual((await search({ q })).results, [], q);
  });

  it('finds nothing in an inbox the agent is not a member of, and needs a session', async () => {
    await conversation('elsewhere', 'un sujet confidentiel');
    assert.deepEqual((await search({ q: 'confidentiel' })).results, []);
    assert.equal((await get('/api/v1/search?q=confidentiel')).status, 401);
  });

  it('filters by status, assignee and date, and pages with the cursor', async () => {
    const month = 30 * 86_400_000;
    const old = await conversation('default', 'facture de janvier', Date.now() - month);
    const recent = await conversation('default', 'facture de février');
    await server.store.updateConversation(old, { status: 'resolved', now: Date.now() - month });
    const ids = (r: SearchResponse) => r.results.map((x) => x.conversation.id);
    assert.deepEqual(ids(await search({ q: 'factures' })), [recent, old]);
    assert.deepEqual(ids(await search({ q: 'factures', status: 'resolved' })), [old]);
    assert.deepEqual(ids(await search({ q: 'factures', assigneeId: 'none' })), [recent, old]);
    assert.deepEqual(ids(await search({ q: 'factures', assigneeId: 'nobody-has-this-id' })), []);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
    assert.deepEqual(ids(await search({ q: 'factures', to: weekAgo })), [old]);
    assert.deepEqual(ids(await search({ q: 'factures', from: weekAgo })), [recent]);
    const first = await search({ q: 'factures', limit: '1' });
    assert.deepEqual(ids(first), [recent]);
    assert.ok(first.nextCursor);
    const second = await search({ q: 'factures', limit: '1', cursor: first.nextCursor });
    assert.deepEqual(ids(second), [old]);
    assert.equal(second.nextCursor, null);
  });

  it('filters by team and by tag, the inbox list’s filters, in search and in the inbox list alike', async () => {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: path.endsWith('/tags') ? 'PUT' : 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.ok(res.ok, await res.clone().text());
      return res.json() as Promise<Record<string, { id: string }>>;
    };
    const team = (await post('/api/v1/teams', { name: `Billing ${randomUUID()}` })).team!.id;
    const forTeam = await conversation('default', 'un avoir pour la livraison');
    const tagged = await conversation('default', 'un avoir sur la livraison');
    const neither = await conversation('default', 'avoir livraison');
    await post(`/api/v1/conversations/${forTeam}/transfer`, { toTeamId: team });
    await post(`/api/v1/conversations/${tagged}/tags`, { tags: ['Refund'] });
    const ids = (r: SearchResponse) => r.results.map((x) => x.conversation.id).sort();
    assert.deepEqual(ids(await search({ q: 'avoir livraison' })), [forTeam, tagged, neither].sort());
    assert.deepEqual(ids(await search({ q: 'avoir livraison', team })), [forTeam]);
    assert.deepEqual(ids(await search({ q: 'avoir livraison', tag: ' REFUND ' })), [tagged]);
    assert.deepEqual(ids(await search({ q: 'avoir livraison', team, tag: 'refund' })), []);
    const list = async (query: string) => {
      const res = await get(`/api/v1/conversations?${query}`, admin);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { conversations: { id: string }[] };
      return body.conversations.map((c) => c.id);
    };
    assert.deepEqual(await list(`team=${team}`), [forTeam]);
    assert.deepEqual(await list(`team=${team}&tag=refund`), []);
    assert.ok((await list('')).includes(neither));
  });

  it('refuses queries that are too long, empty of words, or badly formed with 400', async () => {
    const bad: Record<string, string>[] = [
      { q: 'a'.repeat(201) },
      { q: '?!' },
      { q: '' },
      { q: 'x y z', cursor: 'not-a-cursor' },
      { q: 'facture', from: 'yesterday' },
      { q: 'facture', limit: '51' },
      { q: 'facture', status: 'closed' },
    ];
    for (const query of bad) {
      const res = await get(`/api/v1/search?${new URLSearchParams(query).toString()}`, admin);
      assert.equal(res.status, 400, JSON.stringify(query));
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'bad_frame');
    }
  });

  it(`limits an agent to ${SEARCH_RATE.limit} searches per ${SEARCH_RATE.windowMs / 1000} s`, async () => {
    const sam = await createAgent('sam');
    const statuses: number[] = [];
    for (let i = 0; i <= SEARCH_RATE.limit; i++)
      statuses.push((await get('/api/v1/search?q=bonjour', sam)).status);
    assert.deepEqual(statuses.slice(0, SEARCH_RATE.limit), Array(SEARCH_RATE.limit).fill(200));
    const refused = await get('/api/v1/search?q=bonjour', sam);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // Another agent has their own allowance.
    assert.equal((await get('/api/v1/search?q=bonjour', await createAgent('kim'))).status, 200);
  });

  async function createAgent(name: string): Promise<string> {
    const email = `${name}-${randomUUID()}@example.test`;
    const res = await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email, name }),
    });
    const { password } = (await res.json()) as { password: string };
    return logIn(server.url, email, password);
  }
});
