/**
 * The console as a browser loads it: signed out, nothing is logged as an error (no 401 for asking who
 * we are) and the favicon loads; signed in, text a visitor wrote cannot reorder itself with
 * bidirectional controls, which show as visible markers, and a malformed link does not blank the page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { TestClient } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();

describe('the console in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const favicons: number[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
      if (new URL(r.url()).pathname.includes('favicon')) favicons.push(r.status());
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a signed-out load shows the login page and logs no error, and its favicon loads', async () => {
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-email').waitFor();
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    assert.ok(icon, 'the page links a favicon');
    const res = await page.request.get(new URL(icon, server.url).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'] ?? '', /^image\/svg\+xml/);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
    assert.ok(favicons.every((status) => status === 200));
  });

  it("bidirectional controls in a visitor's message show as markers, and the text is isolated", async () => {
    await logInToConsole(page, server.url);
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    await client.sendMessage(null, 'my file invoice\u202Efdp.exe please');
    client.close();
    const row = page.getByTestId('conversation-row').filter({ hasText: 'invoice' });
    await row.click();
    const body = page.getByTestId('message').filter({ hasText: 'invoice' }).locator('.body');
    assert.equal(await body.textContent(), 'my file invoice\u27e6RLO\u27e7fdp.exe please');
    assert.equal(await body.getAttribute('dir'), 'auto');
    assert.equal(await body.evaluate((el) => getComputedStyle(el).unicodeBidi), 'isolate');
    const preview = await row.locator('.preview').textContent();
    assert.ok(preview?.includes('\u27e6RLO\u27e7') && !preview.includes('\u202E'), preview ?? '');
  });

  it('a conversation URL with a malformed % escape opens the inbox instead of a blank page', async () => {
    problems.length = 0;
    await page.goto(`${server.url}/console/conversations/%E0%A4%A`);
    await page.getByTestId('tab-new').waitFor();
    assert.deepEqual(
      problems.filter((p) => p.startsWith('page error')),
      [],
    );
  });
});
