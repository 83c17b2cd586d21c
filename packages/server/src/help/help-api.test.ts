/**
 * The widget's help API as a page on a customer's site calls it: the help centre's search in both
 * languages over the demo articles, published articles only, plain blocks that cannot carry markup,
 * the widget's origin rule, and a budget per address that answers 429 with Retry-After.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { HelpArticle, HelpSearchResponse } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn } from '../testing/test-client';

const DEMO = fileURLToPath(new URL('../demo/help-articles', import.meta.url));

async function search(server: TestServer, q: string, locale: string, headers: Record<string, string> = {}) {
  const url = `${server.url}/api/v1/help/articles?q=${encodeURIComponent(q)}&locale=${locale}`;
  return fetch(url, { headers });
}

async function titles(server: TestServer, q: string, locale: string): Promise<string[]> {
  const res = await search(server, q, locale);
  assert.equal(res.status, 200);
  return ((await res.json()) as HelpSearchResponse).results.map((r) => r.title);
}

async function createArticle(server: TestServer, cookie: string, article: object): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(article),
  });
  assert.equal(res.status, 201);
  return ((await res.json()) as { article: { id: string } }).article.id;
}

describe('help API for the widget', () => {
  let server: TestServer;
  let draftId: string;
  let hostileId: string;
  before(async () => {
    server = await startTestServer({ demoArticlesDir: DEMO, allowedOrigins: ['https://shop.example'] });
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    draftId = await createArticle(server, admin, {
      title: 'Secret remboursement draft',
      body: 'Nobody may read this remboursement draft yet.',
      locale: 'fr',
      published: false,
    });
    hostileId = await createArticle(server, admin, {
      title: 'Hostile article',
      body: [
        '## Read <b>this</b>',
        '',
        '<script>alert(1)</script><img src=x onerror=alert(2)>',
        '',
        'A [bad link](javascript:alert(3)) and a [good one](https://example.com/help).',
        '',
        '- first <i>item</i>',
        '- second',
        '',
        '```',
        '<iframe src="https://evil.example"></iframe> code',
        '```',
      ].join('\n'),
      locale: 'en',
      published: true,
    });
  });
  after(() => server.close());

  it('finds the refund articles for "rembourser" and the missing parcel for "colis pas arrivé"', async () => {
    const refunds = await titles(server, 'rembourser', 'fr');
    assert.ok(refunds.includes('Comment suis-je remboursé ?'), refunds.join(' | '));
    assert.equal((await titles(server, 'colis pas arrivé', 'fr'))[0], "Mon colis n'est pas arrivé");
    assert.equal((await titles(server, 'colis pas arrive', 'fr'))[0], "Mon colis n'est pas arrivé");
  });

  it('searches English with stems, and a result carries its excerpt, help-centre URL and category', async () => {
    const res = await search(server, 'refunded', 'en');
    const { results } = (await res.json()) as HelpSearchResponse;
    const refund = results.find((r) => r.url === '/help/en/refund-method');
    assert.ok(refund, results.map((r) => r.url).join(' '));
    assert.ok(refund.excerpt.length > 20);
    assert.equal(typeof refund.category, 'string');
    assert.ok(results.length <= 10);
    assert.deepEqual(await titles(server, '', 'en'), []);
  });

  it('never lists or serves a draft', async () => {
    assert.ok(!(await titles(server, 'remboursement', 'fr')).includes('Secret remboursement draft'));
    const res = await fetch(`${server.url}/api/v1/help/articles/${draftId}`);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_found');
  });

  it('serves an article as plain blocks with no markup, even from raw HTML and a javascript: link', async () => {
    const res = await fetch(`${server.url}/api/v1/help/articles/${hostileId}`);
    assert.equal(res.status, 200);
    const article = (await res.json()) as HelpArticle;
    assert.equal(article.url, '/help/en/hostile-article');
    const text = JSON.stringify(article.blocks);
    assert.doesNotMatch(text, /<[a-z/!]/i, text);
    assert.doesNotMatch(text, /href|onerror=/i, text);
    assert.deepEqual(article.blocks[0], { type: 'heading', text: 'Read this' });
    const link = article.blocks.find((b) => b.type === 'paragraph' && b.text.includes('good one'));
    assert.deepEqual(link, {
      type: 'paragraph',
      text: 'A [bad link](javascript:alert(3)) and a good one (https://example.com/help).',
    });
    assert.ok(article.blocks.some((b) => b.type === 'list' && b.items.join('|') === 'first item|second'));
    for (const b of article.blocks) assert.ok(['heading', 'paragraph', 'list'].includes(b.type));
  });

  it('lets an allowed site read the answer and refuses any other origin', async () => {
    const ok = await search(server, 'refund', 'en', { origin: 'https://shop.example' });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://shop.example');
    const other = await search(server, 'refund', 'en', { origin: 'https://evil.example' });
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('refuses an unknown language with a clear error', async () => {
    const res = await search(server, 'refund', 'de');
    assert.equal(res.status, 400);
  });
});

describe('help reads are limited per address', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ demoArticlesDir: DEMO, helpRequestsPerMinute: 3 });
  });
  after(() => server.close());

  it('answers 429 with Retry-After once the budget is spent, the help centre search included', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await search(server, 'refund', 'en')).status, 200);
    const api = await search(server, 'refund', 'en');
    assert.equal(api.status, 429);
    const wait = Number(api.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, String(wait));
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'rate_limited');
    const page = await fetch(`${server.url}/help?q=refund`);
    assert.equal(page.status, 429);
    assert.ok(Number(page.headers.get('retry-after')) >= 1);
    assert.match(await page.text(), /<h1>Too many searches<\/h1>/);
    // Reading the help centre's pages is not a search: still served.
    assert.equal((await fetch(`${server.url}/help`)).status, 200);
  });
});
