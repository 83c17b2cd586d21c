/**
 * The knowledge base over REST on a real server: admins write, agents read, the body is exactly
 * { title, body, locale, published, category? }, hostile input is refused, and a URL never moves.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn } from '../../testing/test-client';

describe('articles over REST', () => {
  let server: TestServer;
  let admin: string;
  let agent: string;
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
  const write = (body: unknown) =>
    api<{ article: Article }>('/api/v1/articles', admin, { method: 'POST', body });

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    const created = await api<{ password: string }>('/api/v1/agents', admin, {
      method: 'POST',
      body: { email: 'ada@example.test', name: 'Ada' },
    });
    agent = await logIn(server.url, 'ada@example.test', created.json.password);
  });
  after(() => server.close());

  it('an admin writes an article; agents read it at a URL made from its title', async () => {
    const created = await write({
      title: 'Délai de remboursement',
      body: 'Sous **14 jours**.',
      locale: 'fr',
      published: true,
      category: 'Remboursements',
    });
    assert.equal(created.status, 201);
    assert.equal(created.json.article.url, '/help/fr/delai-de-remboursement');
    const read = await api<{ article: Article }>(`/api/v1/articles/${created.json.article.id}`, agent);
    assert.equal(read.json.article.body, 'Sous **14 jours**.');
    const list = await api<{ articles: Article[] }>('/api/v1/articles?locale=fr', agent);
    assert.ok(list.json.articles.some((a) => a.title === 'Délai de remboursement'));
    const en = await api<{ articles: Article[] }>('/api/v1/articles?locale=en', agent);
    assert.ok(en.json.articles.every((a) => a.locale === 'en'));
  });

  it('a second article with the same title gets its own address; editing keeps it', async () => {
    const first = await write({ title: 'Returns', body: 'a', locale: 'en', published: false });
    const second = await write({ title: 'Returns', body: 'b', locale: 'en', published: false });
    assert.equal(first.json.article.url, '/help/en/returns');
    assert.equal(second.json.article.url, '/help/en/returns-2');
    const edited = await api<{ article: Article }>(`/api/v1/articles/${first.json.article.id}`, admin, {
      method: 'PATCH',
      body: { title: 'Sending something back', published: true, category: '  ' },
    });
    assert.equal(edited.status, 200);
    assert.equal(edited.json.article.title, 'Sending something back');
    assert.equal(edited.json.article.category, null, 'a blank category is none');
    assert.equal(edited.json.article.url, '/help/en/returns');
  });

  it('never takes an address the help centre uses itself (/help/fr/verify checks support references)', async () => {
    const verify = await write({ title: 'Verify', body: 'a', locale: 'fr', published: true });
    assert.equal(verify.json.article.url, '/help/fr/verify-2');
  });

  it('moving an article to a language that has its address is refused as a conflict', async () => {
    const en = await write({ title: 'Shipping costs', body: 'a', locale: 'en', published: true });
    await write({ title: 'Shipping costs', body: 'b', locale: 'fr', published: true });
    const moved = await api<{ error: { code: string } }>(`/api/v1/articles/${en.json.article.id}`, admin, {
      method: 'PATCH',
      body: { locale: 'fr' },
    });
    assert.equal(moved.status, 409);
    const still = await api<{ article: Article }>(`/api/v1/articles/${en.json.article.id}`, admin);
    assert.equal(still.json.article.locale, 'en');
  });

  it('agents cannot write; nobody signed out can read', async () => {
    const denied = await api('/api/v1/articles', agent, {
      method: 'POST',
      body: { title: 'x', body: 'y', locale: 'en', published: true },
    });
    assert.equal(denied.status, 403);
    const made = await write({ title: 'Keep me', body: 'z', locale: 'en', published: true });
    const id = made.json.article.id;
    assert.equal((await api(`/api/v1/articles/${id}`, agent, { method: 'DELETE' })).status, 403);
    assert.equal(
      (await api(`/api/v1/articles/${id}`, agent, { method: 'PATCH', body: { title: 'x' } })).status,
      403,
    );
    assert.equal((await api('/api/v1/articles', '')).status, 401);
    assert.equal((await api(`/api/v1/articles/${id}`, admin, { method: 'DELETE' })).status, 204);
    assert.equal((await api(`/api/v1/articles/${id}`, agent)).status, 404);
  });

  it('refuses hostile or malformed bodies and stores nothing', async () => {
    const before = await api<{ articles: Article[] }>('/api/v1/articles', admin);
    const bad: unknown[] = [
      { title: 'x', body: 'y', locale: 'de', published: true },
      { title: '   ', body: 'y', locale: 'en', published: true },
      { title: 'x'.repeat(201), body: 'y', locale: 'en', published: true },
      { title: 'x', body: 'y'.repeat(20_001), locale: 'en', published: true },
      { title: 'x', body: 'y', locale: 'en', published: true, category: 'c'.repeat(61) },
      { title: 'x', body: 'y', locale: 'en', published: 'yes' },
      { title: 'x', body: 'y', locale: 'en', published: true, slug: 'admin' },
      { title: 'x', body: 'y', locale: 'en' },
    ];
    for (const body of bad) {
      const res = await write(body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
    }
    const huge = await fetch(`${server.url}/api/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ title: 'x', body: 'é'.repeat(70_000), locale: 'en', published: true }),
    });
    assert.equal(huge.status, 413);
    const emptyPatch = await api(`/api/v1/articles/${before.json.articles[0]?.id ?? 'x'}`, admin, {
      method: 'PATCH',
      body: {},
    });
    assert.equal(emptyPatch.status, 400);
    const afterList = await api<{ articles: Article[] }>('/api/v1/articles', admin);
    assert.equal(afterList.json.articles.length, before.json.articles.length);
  });

  it('previews Markdown as the help centre will show it, with raw HTML as text', async () => {
    const res = await api<{ html: string }>('/api/v1/articles/preview', admin, {
      method: 'POST',
      body: { body: '**Hi** <script>alert(1)</script> [x](javascript:alert(1))' },
    });
    assert.equal(res.status, 200);
    assert.match(res.json.html, /<strong>Hi<\/strong>/);
    assert.match(res.json.html, /&lt;script&gt;/);
    assert.doesNotMatch(res.json.html, /<script|href="javascript/i);
  });
});
