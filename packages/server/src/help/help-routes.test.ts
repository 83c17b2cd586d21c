/**
 * The help centre's pages as a browser receives them: the pages' security headers, a search that
 * echoes the query as text only, and no page for a draft or an unknown language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn } from '../testing/test-client';

describe('help centre pages', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({
        title: 'Payment methods',
        body: 'Cards and PayPal.',
        locale: 'en',
        published: true,
      }),
    });
    assert.equal(res.status, 201);
  });
  after(() => server.close());

  it('serves HTML with the pages CSP, never cached as a stale draft', async () => {
    const res = await fetch(`${server.url}/help`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(
      res.headers.get('content-security-policy') ?? '',
      /script-src 'self'.*frame-ancestors 'none'/,
    );
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    const css = await fetch(`${server.url}/help/help.css`);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
  });

  it('shows a hostile search as text, and finds articles whatever the case', async () => {
    const q = encodeURIComponent('"><script>alert(1)</script>');
    const html = await (await fetch(`${server.url}/help?q=${q}`)).text();
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(html, /No article matches your search/);
    const found = await (await fetch(`${server.url}/help?q=PAYPAL`)).text();
    assert.match(found, /<a href="\/help\/en\/payment-methods">Payment methods<\/a>/);
  });

  it('answers 404 pages for unknown languages and addresses', async () => {
    for (const path of ['/help/de', '/help/en/nope', '/help/fr/payment-methods', '/help/en/PAYMENT']) {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /<h1>(Page not found|Page introuvable)<\/h1>/);
    }
  });
});
