/**
 * A customer on the demo shop and an agent in the console, in real Chromium, talking both ways,
 * through a network cut. The customer's traffic goes through a proxy the test can take down.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { OutageProxy } from '../packages/server/src/testing/outage-proxy';
import { logInToConsole, widget as widgetOf } from './chat-pages';

const skip = browserSkipReason();

describe('live chat in the browser', { skip }, () => {
  let server: TestServer;
  let proxy: OutageProxy;
  let browser: Browser;
  let customer: Page;
  let agent: Page;

  const widget = (name: string) => widgetOf(customer, name);
  const customerMessages = () => widget('messages').locator('[data-seq]');
  const agentMessages = () => agent.getByTestId('message');

  before(async () => {
    server = await startTestServer();
    proxy = new OutageProxy('127.0.0.1', Number(new URL(server.url).port));
    await proxy.start();
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    agent = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await proxy?.stop();
    await server?.close();
  });

  it('the agent logs in to the console', async () => {
    await logInToConsole(agent, server.url);
  });

  it("the customer's message appears in the agent's inbox live", async () => {
    await customer.goto(`http://127.0.0.1:${proxy.port}/`);
    await widget('launcher').click();
    await widget('input').fill('Hello, my order #1234 has not arrived');
    await widget('input').press('Enter');
    await customerMessages().filter({ hasText: 'order #1234' }).first().waitFor();
    const row = agent.getByTestId('conversation-row').filter({ hasText: 'order #1234' });
    await row.waitFor();
    await row.click();
    await agentMessages().filter({ hasText: 'order #1234' }).waitFor();
  });

  it('typing shows on both sides', async () => {
    await widget('input').fill('Let me check the');
    await agent.getByTestId('typing-indicator').waitFor();
    await agent.getByTestId('reply-input').fill('Looking');
    await widget('status')
      .filter({ hasText: /typing/i })
      .waitFor();
    await widget('input').fill('');
  });

  it("the agent's reply reaches the customer", async () => {
    await agent.getByTestId('reply-input').fill('Sorry about that, it ships today.');
    await agent.getByTestId('reply-send').click();
    await customerMessages().filter({ hasText: 'ships today' }).waitFor();
  });

  it('after a network cut, both sides catch up with nothing lost and nothing twice', async () => {
    await proxy.down();
    await widget('input').fill('Typed while offline');
    await widget('input').press('Enter');
    // Queued, not sent: shown at once as "sending" while no connection can be made.
    await customer
      .locator('#candor-widget [data-state="sending"]')
      .filter({ hasText: 'Typed while offline' })
      .waitFor();
    await agent.getByTestId('reply-input').fill('Sent while you were away');
    await agent.getByTestId('reply-send').click();
    await agentMessages().filter({ hasText: 'while you were away' }).waitFor();
    await proxy.up();

    await customerMessages().filter({ hasText: 'while you were away' }).waitFor({ timeout: 20_000 });
    await agentMessages().filter({ hasText: 'Typed while offline' }).waitFor({ timeout: 20_000 });
    await customer
      .locator('#candor-widget [data-state="sent"]')
      .filter({ hasText: 'Typed while offline' })
      .waitFor();
    assert.equal(await customerMessages().filter({ hasText: 'Typed while offline' }).count(), 1);
    assert.equal(await customerMessages().filter({ hasText: 'while you were away' }).count(), 1);
    assert.equal(await agentMessages().filter({ hasText: 'Typed while offline' }).count(), 1);
  });

  it('a reload finds the same conversation and its whole history', async () => {
    await customer.reload();
    await widget('launcher').click();
    await customerMessages().filter({ hasText: 'while you were away' }).waitFor();
    const texts = await customerMessages().allInnerTexts();
    for (const expected of ['order #1234', 'ships today', 'Typed while offline', 'while you were away']) {
      assert.equal(texts.filter((t) => t.includes(expected)).length, 1, `"${expected}" shown once`);
    }
  });

  it('the agent resolves the conversation and the customer is told', async () => {
    await agent.getByTestId('resolve').click();
    await agent.locator('[data-testid="status"][data-status="resolved"]').waitFor();
    await widget('note').waitFor({ state: 'visible' });
  });
});
