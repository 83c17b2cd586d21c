/**
 * The honest typing preview in real Chromium: the customer is told before anything leaves the page,
 * the agent sees the draft (secrets masked), and the customer's switch stops it at once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

describe('typing preview in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  /** Set once the test has seen the notice on screen. */
  let noticeSeen = false;
  /** Frames the customer's page sent, in order, as the server received them. */
  const sent: { type: string; noticeVisible: boolean; frame: Record<string, unknown> }[] = [];

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    agent = await (await browser.newContext()).newPage();
    customer.on('websocket', (ws) =>
      ws.on('framesent', ({ payload }) => {
        const frame = JSON.parse(String(payload)) as Record<string, unknown>;
        sent.push({ type: String(frame.type), noticeVisible: noticeSeen, frame });
      }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const draft = () => agent.getByTestId('visitor-draft');

  it('shows the notice and its switch when the chat opens, before anything is typed', async () => {
    await logInToConsole(agent, server.url);
    await customer.goto(`${server.url}/`);
    await widget(customer, 'launcher').click();
    const notice = widget(customer, 'preview-notice');
    await notice.waitFor({ state: 'visible' });
    noticeSeen = true;
    assert.equal(await notice.getAttribute('data-preview'), 'on');
    assert.match(await notice.innerText(), /can see what you type before you send it/i);
    assert.ok(await widget(customer, 'preview-toggle').isVisible());
  });

  it("shows the customer's draft to the agent who took the conversation", async () => {
    await say(customer, 'Hello, I have a billing question');
    const row = agent.getByTestId('conversation-row').filter({ hasText: 'billing question' });
    await row.click();
    await agent.getByTestId('reply-input').fill('Hi! Go ahead.');
    await agent.getByTestId('reply-send').click();
    await customer.locator('#candor-widget [data-seq="2"]').waitFor();
    await agent.locator('[data-testid="preview-status"][data-enabled="true"]').waitFor();

    await widget(customer, 'input').pressSequentially('I was charged twice', { delay: 20 });
    await draft().filter({ hasText: 'I was charged twice' }).waitFor();
  });

  it('the customer was told before the first draft left the page', () => {
    const firstDraft = sent.findIndex((f) => f.type === 'draft.update');
    const consent = sent.findIndex((f) => f.type === 'preview.set' && f.frame.noticeShown === true);
    assert.ok(firstDraft > 0, 'drafts were sent');
    assert.ok(consent >= 0 && consent < firstDraft, 'preview.set with noticeShown came first');
    assert.ok(sent.slice(0, firstDraft + 1).every((f) => f.type !== 'draft.update' || f.noticeVisible));
  });

  it('masks a card number typed in the draft before the agent sees it', async () => {
    await widget(customer, 'input').fill('');
    await widget(customer, 'input').pressSequentially('my card is 4242 4242 4242 4242', { delay: 5 });
    await draft().filter({ hasText: '•••• 4242' }).waitFor();
    assert.equal((await draft().innerText()).includes('4242 4242'), false);
    const leaked = sent.some(
      (f) => f.type === 'draft.update' && String(f.frame.text).includes('4242 4242 4242'),
    );
    assert.equal(leaked, false, 'the card number never left the browser');
  });

  it("switching it off clears the agent's view at once and stops further drafts", async () => {
    await widget(customer, 'preview-toggle').click();
    await agent.getByTestId('visitor-draft').waitFor({ state: 'detached' });
    await agent.locator('[data-testid="preview-status"][data-enabled="false"]').waitFor();
    assert.equal(await widget(customer, 'preview-notice').getAttribute('data-preview'), 'off');
    const before = sent.filter((f) => f.type === 'draft.update').length;
    await widget(customer, 'input').pressSequentially(' and more', { delay: 20 });
    await customer.waitForTimeout(500);
    assert.equal(sent.filter((f) => f.type === 'draft.update').length, before, 'no draft left the page');
    assert.equal(await agent.getByTestId('visitor-draft').count(), 0);
  });
});
