/**
 * The widget's Help tab in real Chromium: the customer switches to Help, searches, reads an article in
 * the widget (with a link to its help-centre page), and "Still need help?" opens the chat with the
 * search in the reply box; the first message takes the search and the article read to the agent, who
 * sees them in the console's contact panel. The Help tab opens no socket and writes no storage.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, widget } from './chat-pages';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DEMO = fileURLToPath(new URL('../packages/server/src/demo/help-articles', import.meta.url));

describe('widget help tab in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  let sockets = 0;

  before(async () => {
    server = await startTestServer({ demoArticlesDir: DEMO });
    browser = await launchBrowser();
    // bypassCSP: axe-core is injected to check the widget; the widget itself needs no such thing.
    customer = await (await browser.newContext({ locale: 'en-GB', bypassCSP: true })).newPage();
    customer.on('websocket', () => sockets++);
    agent = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const inWidget = () => customer.locator('#candor-widget');
  const storage = () => customer.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  it('searches and reads an article in the Help tab, by keyboard, with no socket and no storage', async () => {
    await customer.goto(server.url);
    await widget(customer, 'launcher').click();
    await widget(customer, 'input').waitFor({ state: 'visible' });
    const before = { sockets, storage: await storage() };

    const chatTab = inWidget().getByRole('tab', { name: 'Chat' });
    assert.equal(await chatTab.getAttribute('aria-selected'), 'true');
    await chatTab.focus();
    await customer.keyboard.press('ArrowRight');
    const helpTab = inWidget().getByRole('tab', { name: 'Help' });
    assert.equal(await helpTab.getAttribute('aria-selected'), 'true');
    assert.equal(await widget(customer, 'input').isVisible(), false, 'the chat pane is hidden');

    const search = inWidget().getByRole('searchbox', { name: 'Search help articles' });
    await search.fill('refund');
    await search.press('Enter');
    const result = inWidget().getByRole('button', { name: 'How am I refunded?' });
    await result.waitFor();
    await result.focus();
    await customer.keyboard.press('Enter');
    const title = inWidget().getByRole('heading', { name: 'How am I refunded?' });
    await title.waitFor();
    const link = inWidget().getByRole('link', { name: 'Open in the help centre' });
    assert.equal(await link.getAttribute('href'), `${server.url}/help/en/refund-method`);
    assert.match(
      await inWidget().locator('.log').last().innerText(),
      /the same bank card, PayPal account or gift card/,
    );

    await inWidget().getByRole('button', { name: 'Back to results' }).click();
    await result.waitFor();
    await customer.addScriptTag({ path: AXE });
    const violations = await customer.evaluate(async () => {
      type Axe = { run(c: object, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      const axe = (window as unknown as { axe: Axe }).axe;
      // Not the Help tab's: the widget's panel <header> (in main before issue 13) reads as a second
      // banner beside the demo page's own; left to the widget's owners.
      const rules = { 'landmark-no-duplicate-banner': { enabled: false } };
      const r = await axe.run({ include: [['#candor-widget']] }, { rules });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    assert.deepEqual(violations, [], 'axe on the widget with the Help tab open');
    assert.equal(sockets, before.sockets, 'the Help tab opened no socket');
    assert.equal(await storage(), before.storage, 'the Help tab stored nothing');
  });

  it('"Still need help?" opens the chat with the search, and the first message carries it', async () => {
    await inWidget().getByRole('button', { name: 'Still need help? Chat with us' }).click();
    assert.equal(await inWidget().getByRole('tab', { name: 'Chat' }).getAttribute('aria-selected'), 'true');
    const input = widget(customer, 'input');
    assert.equal(await input.inputValue(), 'refund');
    assert.ok(
      await input.evaluate(
        (e) => e.getRootNode() instanceof ShadowRoot && (e.getRootNode() as ShadowRoot).activeElement === e,
      ),
    );
    await input.fill('refund of order 1234?');
    await input.press('Enter');
    await widget(customer, 'messages').getByText('refund of order 1234?').waitFor();
    await widget(customer, 'privacy').locator('summary').click();
    assert.match(
      await widget(customer, 'privacy').innerText(),
      /your search in Help and the articles you read/,
    );
  });

  it('the agent sees the search and the article read in the contact panel', async () => {
    await logInToConsole(agent, server.url);
    await agent.getByTestId('conversation-row').first().click();
    const panel = agent.getByTestId('contact-panel');
    await panel.getByTestId('contact-help-query').filter({ hasText: '“refund”' }).waitFor();
    const read = panel.getByTestId('contact-help-read').getByRole('link', { name: 'How am I refunded?' });
    assert.equal(await read.getAttribute('href'), '/help/en/refund-method');
    await agent.getByTestId('activity').filter({ hasText: 'searched the help for “refund”' }).waitFor();
  });
});
