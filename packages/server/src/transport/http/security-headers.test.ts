/** What the browser is told about each kind of response: pages, the embeddable script, the API. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../../testing/test-server';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(' '));
  }
  return map;
}

describe('security headers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const path of ['/', '/console']) {
    it(`${path} may not be framed and runs only scripts and styles from this server`, async () => {
      const res = await fetch(`${server.url}${path}`);
      assert.equal(res.status, 200);
      const csp = directives(res.headers.get('content-security-policy'));
      assert.equal(csp.get('frame-ancestors'), "'none'");
      assert.equal(csp.get('script-src'), "'self'");
      assert.equal(csp.get('style-src'), "'self'");
      assert.equal(csp.get('default-src'), "'self'");
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    });
  }

  it('the demo page holds nothing its policy would block: no inline script, style or handler', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) assert.match(tag, /\ssrc="\/[^/]/, tag);
    for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) assert.match(tag, /\shref="\/[^/]/, tag);
  });

  it('serves widget.js and the parts it loads on first use to other sites as JavaScript that is never sniffed, and embeddable cross-origin', async () => {
    for (const file of ['widget.js', 'widget-help.js', 'widget-recovery.js']) {
      const res = await fetch(`${server.url}/${file}`);
      assert.equal(res.status, 200, file);
      assert.equal(res.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin');
      await res.arrayBuffer();
    }
  });

  it('marks API responses nosniff, errors included', async () => {
    const requests: [string, RequestInit?][] = [
      ['/api/v1/me'],
      ['/api/v1/no-such-route'],
      ['/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }],
      ['/openapi.json'],
      ['/metrics'],
      ['/healthz'],
    ];
    for (const [path, init] of requests) {
      const res = await fetch(`${server.url}${path}`, init);
      await res.arrayBuffer();
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${path} (${res.status})`);
    }
  });
});
