/**
 * Checking a support reference in real Chromium, JavaScript off as a wary reader may have it (issue 14):
 * /verify leads to the help centre's page, a reference an agent gave reads as genuine with the agent's
 * name, a made-up one as "do not give them anything", in English and French, and axe-core finds no
 * accessibility violation on any of these pages.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { SupportReference } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; help: string; nodes: unknown[] }[];
}

describe('the /verify page in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let reader: Page;
  let reference: string;

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
    server = await startTestServer({ siteName: 'Example Shop' });
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    await fetch(`${server.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Camille' }),
    });
    const res = await fetch(`${server.url}/api/v1/support-references`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: '{}',
    });
    reference = ((await res.json()) as SupportReference).reference;
    browser = await launchBrowser();
    reader = await (await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' })).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('/verify leads to a form that says a genuine reference is genuine, and whose', async () => {
    await reader.goto(`${server.url}/verify`);
    assert.equal(new URL(reader.url()).pathname, '/help/verify');
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Check a support reference');
    await assertAccessible(reader.url());
    // Typed as a customer might read it out: lower case, with spaces.
    await reader
      .getByRole('textbox', { name: 'Support reference' })
      .fill(reference.toLowerCase().replace(/-/g, ' '));
    await reader.getByRole('button', { name: 'Check' }).click();
    await reader.getByRole('heading', { level: 2, name: 'Genuine' }).waitFor();
    assert.match(
      await reader.locator('.verdict').innerText(),
      /This reference was given by Camille, of Example Shop support\. It is valid until \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC\./,
    );
    await assertAccessible(reader.url());
  });

  it('says a made-up reference is not current, in French too', async () => {
    await reader.getByRole('textbox', { name: 'Support reference' }).fill('CND-7K4Q-92XM');
    await reader.getByRole('button', { name: 'Check' }).click();
    await reader.getByRole('heading', { level: 2, name: 'Not a current reference' }).waitFor();
    assert.match(
      await reader.locator('.verdict').innerText(),
      /This is not a current reference from Example Shop: do not give them anything\./,
    );
    await assertAccessible(reader.url());
    await reader.getByRole('link', { name: 'Français' }).click();
    assert.equal(new URL(reader.url()).pathname, '/help/fr/verify');
    assert.equal(await reader.getAttribute('html', 'lang'), 'fr');
    await reader.getByRole('textbox', { name: 'Référence de support' }).fill('CND-7K4Q-92XM');
    await reader.getByRole('button', { name: 'Vérifier' }).click();
    await reader
      .getByText('Ce n’est pas une référence valide de Example Shop : ne leur donnez rien.')
      .waitFor();
    await assertAccessible(reader.url());
  });
});
