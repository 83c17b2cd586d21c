/**
 * The public help centre in real Chromium, JavaScript off as a reader may have it: /help and /help/fr
 * list published articles by category, an article opens at its stable URL with its Markdown rendered
 * and raw HTML shown as text, the search form finds articles, drafts stay private, and axe-core finds
 * no accessibility violation on any of these pages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; help: string; nodes: unknown[] }[];
}

describe('public help centre in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let reader: Page;

  /** axe-core in a context of its own that may inject it (the pages' CSP allows no inline script). */
  async function assertAccessible(url: string): Promise<void> {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
        return axe.run();
      });
      assert.deepEqual(
        result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`),
        [],
        `axe on ${url}`,
      );
    } finally {
      await context.close();
    }
  }

  before(async () => {
    server = await startTestServer();
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    const write = async (body: object) => {
      const res = await fetch(`${server.url}/api/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 201);
    };
    await write({
      title: 'Where is my order?',
      body: '# Tracking\n\nOpen **My orders** and follow the [carrier link](https://carrier.example/track).\n\n<script>alert("x")</script>',
      locale: 'en',
      published: true,
      category: 'Orders',
    });
    await write({
      title: 'Returns and refunds',
      body: 'Refunds are made within 14 days.',
      locale: 'en',
      published: true,
      category: 'Returns',
    });
    await write({
      title: 'Secret draft',
      body: 'Not ready.',
      locale: 'en',
      published: false,
      category: 'Orders',
    });
    await write({
      title: 'Délai de remboursement',
      body: 'Le remboursement arrive sous **14 jours** après réception du colis.',
      locale: 'fr',
      published: true,
      category: 'Remboursements',
    });
    browser = await launchBrowser();
    reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('/help lists published English articles by category, with no drafts', async () => {
    const res = await reader.goto(`${server.url}/help`);
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(await reader.getAttribute('html', 'lang'), 'en');
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Help centre');
    await reader.getByRole('heading', { level: 2, name: 'Orders' }).waitFor();
    await reader.getByRole('heading', { level: 2, name: 'Returns' }).waitFor();
    assert.equal(await reader.getByRole('link', { name: 'Secret draft' }).count(), 0);
    assert.equal(await reader.getByRole('link', { name: 'Skip to content' }).getAttribute('href'), '#main');
    await assertAccessible(`${server.url}/help`);
  });

  it('an article opens at its stable URL, rendered, with raw HTML shown as text', async () => {
    await reader.getByRole('link', { name: 'Where is my order?' }).click();
    assert.equal(new URL(reader.url()).pathname, '/help/en/where-is-my-order');
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Where is my order?');
    await reader.getByRole('heading', { level: 2, name: 'Tracking' }).waitFor();
    const link = reader.getByRole('link', { name: 'carrier link' });
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
    assert.match(await reader.locator('article').innerText(), /<script>alert\("x"\)<\/script>/);
    assert.equal(await reader.locator('article script').count(), 0);
    await assertAccessible(reader.url());
  });

  it('the search form finds articles by a form of a word, without JavaScript', async () => {
    await reader.getByRole('searchbox', { name: 'Search the help centre' }).fill('refund');
    await reader.getByRole('button', { name: 'Search' }).click();
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Results for “refund”');
    await reader.getByRole('link', { name: 'Returns and refunds' }).waitFor();
    assert.equal(await reader.getByRole('link', { name: 'Where is my order?' }).count(), 0);
    await assertAccessible(reader.url());
    await reader.getByRole('searchbox', { name: 'Search the help centre' }).fill('draft');
    await reader.getByRole('button', { name: 'Search' }).click();
    await reader.getByText('No article matches your search').waitFor();
  });

  it('/help/fr is in French, and finds "rembourser" in "remboursement"', async () => {
    await reader.goto(`${server.url}/help`);
    await reader.getByRole('link', { name: 'Français' }).click();
    assert.equal(new URL(reader.url()).pathname, '/help/fr');
    assert.equal(await reader.getAttribute('html', 'lang'), 'fr');
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Centre d’aide');
    await reader.getByRole('heading', { level: 2, name: 'Remboursements' }).waitFor();
    assert.equal(await reader.getByRole('link', { name: 'Where is my order?' }).count(), 0);
    await assertAccessible(reader.url());
    await reader.getByRole('searchbox', { name: 'Rechercher dans le centre d’aide' }).fill('rembourser');
    await reader.getByRole('button', { name: 'Rechercher' }).click();
    await reader.getByRole('link', { name: 'Délai de remboursement' }).click();
    assert.equal(new URL(reader.url()).pathname, '/help/fr/delai-de-remboursement');
    await reader.getByText('14 jours').waitFor();
  });

  it('a draft, or an address that does not exist, is a 404 page', async () => {
    const draft = await reader.goto(`${server.url}/help/en/secret-draft`);
    assert.equal(draft?.status(), 404);
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
    assert.equal((await reader.goto(`${server.url}/help/de`))?.status(), 404);
    assert.equal((await reader.goto(`${server.url}/help/fr/..%2F..%2Fetc`))?.status(), 404);
    await assertAccessible(`${server.url}/help/fr/nope`);
  });
});
