/**
 * The pages' Content-Security-Policy in real Chromium: the demo shop (a strict customer site) and the
 * console work under it, with no violation reported.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

/** Collects what the page's policy blocked, as the page itself hears of it. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe('page policies in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the demo shop shows its styles and a working widget under its policy', async () => {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/`);
    await widget(page, 'launcher').click();
    await say(page, 'Hello from a strict page');
    await page.locator('#candor-widget [data-seq="1"]').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(246, 244, 239)', "the shop's own stylesheet applies");
    assert.deepEqual(await violations(), []);
  });

  it('the console logs in and lists conversations under its policy', async () => {
    const page = await (await browser.newContext()).newPage();
    const violations = await watchViolations(page);
    await logInToConsole(page, server.url);
    assert.deepEqual(await violations(), []);
  });
});
