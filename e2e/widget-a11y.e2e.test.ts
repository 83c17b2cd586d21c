/**
 * The widget as assistive technology meets it, in real Chromium, on an English page and a French one:
 * axe-core finds nothing on the page with the chat open, and no two controls share a name (a screen
 * reader user, or a test finding a control by its name, must be able to tell "Close chat" from the
 * launcher, which says "Hide chat" while the panel is open).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const NAMES = {
  en: { open: 'Open chat', close: 'Close chat', hide: 'Hide chat', send: 'Send' },
  fr: { open: 'Ouvrir le chat', close: 'Fermer le chat', hide: 'Masquer le chat', send: 'Envoyer' },
} as const;

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(c: Document): Promise<Result> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

describe('the widget with assistive technology', { skip }, () => {
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

  for (const lang of ['en', 'fr'] as const) {
    it(`has no axe violation and no two controls of one name (${lang})`, async () => {
      // bypassCSP: axe-core is injected; the page itself needs no such thing.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      // A customer's page in this language, the widget embedded as the docs say.
      await page.route(`${server.url}/a11y-${lang}`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body><header><h1>Shop</h1></header><main><p>Products</p></main><script src="/widget.js" async></script></body></html>`,
        }),
      );
      await page.goto(`${server.url}/a11y-${lang}`);
      const names = NAMES[lang];
      await page.getByRole('button', { name: names.open, exact: true }).click();
      await page.getByRole('button', { name: names.send, exact: true }).waitFor();
      await page.getByRole('button', { name: names.hide, exact: true }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      const buttons = await page
        .getByRole('button')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''));
      const twice = buttons.filter((n, i) => n !== '' && buttons.indexOf(n) !== i);
      assert.deepEqual(twice, [], `controls sharing a name: ${buttons.join(', ')}`);
      // Closing by the panel's own button brings the launcher back to its first name.
      await page.getByRole('button', { name: names.close, exact: true }).click();
      await page.getByRole('button', { name: names.open, exact: true }).waitFor();
      await context.close();
    });
  }
});
