/**
 * Contacts in real Chromium: the customer answers the pre-chat form, and the agent's contact panel
 * shows that name and email, how sure we are of them, the page the customer is on (without its query)
 * and the pages of this chat; the agent can ask again for name and email, and the widget shows the form.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

describe('contact panel in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;

  before(async () => {
    server = await startTestServer();
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/v1/inboxes/default`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ preChatForm: { enabled: true, requireEmail: true } }),
    });
    assert.equal(res.status, 200);
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
    agent = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const panel = (testId: string) => agent.getByTestId('contact-panel').getByTestId(testId);

  it('asks the customer for a name and email before the first message, and says what the team sees', async () => {
    await customer.goto(`${server.url}/?coupon=SECRET42#checkout`);
    await widget(customer, 'launcher').click();
    const form = widget(customer, 'contact-form');
    await form.waitFor({ state: 'visible' });
    assert.equal(await widget(customer, 'input').isVisible(), false, 'the message box waits for the form');
    assert.equal(await widget(customer, 'contact-skip').isVisible(), false, 'an email is required');
    const privacy = await widget(customer, 'privacy').innerText();
    assert.match(privacy, /What the support team sees/);
    await widget(customer, 'privacy').locator('summary').click();
    assert.match(await widget(customer, 'privacy').innerText(), /time zone/);

    await form.getByLabel('Your name').fill('Camille Martin');
    await form.getByLabel('Your email').fill('camille@example.test');
    await widget(customer, 'contact-share').click();
    await widget(customer, 'input').waitFor({ state: 'visible' });
    await say(customer, 'Bonjour, ma commande est en retard');
  });

  it("shows the customer's name, email, level, language, local time and page to the agent", async () => {
    await logInToConsole(agent, server.url);
    await agent.getByTestId('conversation-row').filter({ hasText: 'Camille Martin' }).click();
    await panel('contact-email').filter({ hasText: 'camille@example.test' }).waitFor();
    assert.equal(await panel('contact-name').innerText(), 'Camille Martin');
    assert.equal(await panel('contact-verification').getAttribute('data-level'), 'self_declared');
    assert.match(await panel('contact-time').innerText(), /Europe\/Paris/);
    assert.match(await agent.getByTestId('contact-panel').innerText(), /fr-FR/);
    const page = panel('contact-page').locator('a');
    assert.equal(await page.innerText(), 'Acme Outdoor — demo shop');
    const href = (await page.getAttribute('href')) ?? '';
    assert.equal(href, `${server.url}/`, 'no query, no fragment');
    assert.ok(!(await agent.getByTestId('contact-panel').innerText()).includes('SECRET42'));
  });

  it('follows the customer to another page of the site', async () => {
    await customer.evaluate(() => {
      history.pushState(null, '', '/products/kettle?ref=mail');
      document.title = 'Camping kettle';
    });
    await panel('contact-page').filter({ hasText: 'Camping kettle' }).waitFor({ timeout: 10_000 });
    const pages = await panel('contact-pages').locator('li').allInnerTexts();
    assert.equal(pages.length, 2);
    assert.match(pages[0] ?? '', /Acme Outdoor/);
    assert.match(pages[1] ?? '', /Camping kettle/);
  });

  it('the agent asks for name and email, and the widget shows the form', async () => {
    await agent.getByTestId('ask-contact').click();
    const form = widget(customer, 'contact-form');
    await form.waitFor({ state: 'visible' });
    assert.match(await form.innerText(), /The agent asks/);
    await widget(customer, 'contact-skip').click();
    await form.waitFor({ state: 'hidden' });
  });
});
