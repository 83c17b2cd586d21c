/**
 * What the widget does and says on a customer's site, in real Chromium: nothing at all until the
 * visitor opens it, bidi tricks shown rather than obeyed, a refused message that can be retried or
 * deleted, and a site the server does not serve told so instead of "Reconnecting…" forever.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { say, widget } from './chat-pages';

const skip = browserSkipReason();

/** Storage a page of the customer's site holds: localStorage, sessionStorage and cookies. */
const storedByPage = (page: Page) =>
  page.evaluate(() => ({
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
  }));

describe('the widget on a customer site', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  /** A second site, not in CANDOR_ALLOWED_ORIGINS, that embeds the widget from the Candor server. */
  let otherSite: Server;
  let otherUrl: string;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'en-US' });
    otherSite = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<!doctype html><html lang="en"><body><h1>Another shop</h1><script src="${server.url}/widget.js" async></script></body></html>`,
        ),
    );
    await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => otherSite?.close(resolve));
    await server?.close();
  });

  it('a page view opens no WebSocket and stores nothing; opening the chat connects', async () => {
    const page = await context.newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(server.url);
    await widget(page, 'launcher').waitFor();
    // The page is idle (its own requests done): had the widget wanted to connect, it would have.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(sockets, []);
    assert.deepEqual(await storedByPage(page), { local: 0, session: 0, cookie: '' });
    const opened = page.waitForEvent('websocket');
    await widget(page, 'launcher').click();
    assert.match((await opened).url(), /\/ws\/visitor$/);
    await say(page, 'Hello \u202eexe.fdp');
    await widget(page, 'messages').locator('[data-state="sent"]').first().waitFor();
    await page.close();
  });

  it('a second page load after a conversation connects at once, before the chat is opened', async () => {
    const page = await context.newPage();
    const opened = page.waitForEvent('websocket');
    await page.goto(server.url);
    await opened;
    assert.ok((await storedByPage(page)).local > 0, 'the token of the earlier chat is kept');
    await page.close();
  });

  it('shows bidi override characters in a message instead of obeying them', async () => {
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    const { conversations } = (await (
      await fetch(`${server.url}/api/v1/conversations`, { headers: { cookie: admin } })
    ).json()) as { conversations: { id: string }[] };
    const id = conversations[0]?.id ?? '';
    const reply = await fetch(`${server.url}/api/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ body: 'Your file: invoice\u202efdp.exe', clientKey: 'bidi-1' }),
    });
    assert.equal(reply.status, 201, await reply.text());
    const page = await context.newPage();
    await page.goto(server.url);
    await widget(page, 'launcher').click();
    const body = widget(page, 'messages').locator('.body').filter({ hasText: 'invoice' });
    await body.waitFor();
    assert.equal(await body.textContent(), 'Your file: invoice⟦RLO⟧fdp.exe');
    assert.equal(await body.getAttribute('dir'), 'auto');
    const own = widget(page, 'messages').locator('.body').filter({ hasText: 'Hello' });
    assert.equal(await own.textContent(), 'Hello ⟦RLO⟧exe.fdp');
    await page.close();
  });

  it('a message refused for good can be tried again or deleted, by buttons that say so', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    // A scripted server: welcome, then every message refused.
    await page.routeWebSocket(/\/ws\/visitor$/, (ws) =>
      ws.onMessage((data) => {
        const frame = JSON.parse(String(data)) as { type: string; ref?: string };
        if (frame.type === 'hello')
          ws.send(
            JSON.stringify({
              type: 'welcome',
              protocol: 1,
              role: 'visitor',
              conversations: [],
              serverTime: 0,
            }),
          );
        if (frame.type === 'message.send')
          ws.send(JSON.stringify({ type: 'error', ref: frame.ref, code: 'forbidden', message: 'no' }));
      }),
    );
    await page.goto(server.url);
    await widget(page, 'launcher').click();
    await say(page, 'refused');
    const retry = page.getByRole('button', { name: 'Try again to send this message' });
    await retry.waitFor();
    await retry.click();
    const remove = page.getByRole('button', { name: 'Delete this unsent message' });
    await remove.click();
    await widget(page, 'messages').locator('[data-state="failed"]').waitFor({ state: 'detached' });
    assert.equal(
      await page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith(':outbox'))),
      false,
    );
    await page.context().close();
  });

  it('over the new-visitor limit: tells the visitor how long to wait, and does not hammer the server', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    let hellos = 0;
    // A scripted server over its limit: refuses every hello for two minutes, then closes with 4008.
    await page.routeWebSocket(/\/ws\/visitor$/, (ws) =>
      ws.onMessage((data) => {
        if ((JSON.parse(String(data)) as { type: string }).type !== 'hello') return;
        hellos++;
        ws.send(
          JSON.stringify({ type: 'error', code: 'rate_limited', message: 'Too many', retryAfterMs: 120_000 }),
        );
        void ws.close({ code: 4008, reason: 'rate limited' });
      }),
    );
    await page.goto(server.url);
    await widget(page, 'launcher').click();
    await widget(page, 'status')
      .filter({ hasText: 'Too many new chats from your network right now. Try again in about 2 minutes.' })
      .waitFor();
    // The tab coming back or the network returning must not bring the next attempt forward.
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page.waitForTimeout(1000);
    assert.equal(hellos, 1);
    await page.context().close();
  });

  it('on a site not in CANDOR_ALLOWED_ORIGINS: says chat is unavailable and warns the site owner', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(otherUrl);
    await widget(page, 'launcher').click();
    await widget(page, 'status').filter({ hasText: 'Chat is not available on this site.' }).waitFor();
    assert.ok(
      warnings.some((w) => w.includes('CANDOR_ALLOWED_ORIGINS') && w.includes(new URL(otherUrl).origin)),
      warnings.join('\n'),
    );
    assert.equal(await widget(page, 'input').isVisible(), false, 'no input to type into');
    await page.context().close();
  });
});
