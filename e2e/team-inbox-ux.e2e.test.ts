/**
 * The team inbox's everyday surface in real Chromium: a desktop notification for a new conversation
 * (permission granted through the browser context), links clickable with the right rel in the widget
 * and the console, message times and read receipts in the widget, and the conversation view at phone
 * width (375 px) with every control on screen and reachable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget as widgetOf } from './chat-pages';
import { ADMIN } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';

const skip = browserSkipReason();

/** Wraps the browser's Notification so the test sees each one raised (a real one is still made). */
const RECORD_NOTIFICATIONS = () => {
  const Real = window.Notification;
  const seen: { title: string; body: string | undefined }[] = [];
  (window as unknown as { __notifications: typeof seen }).__notifications = seen;
  window.Notification = class extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      seen.push({ title, body: options?.body });
    }
  };
};

describe('team inbox in the browser: notifications, links, phone width', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;
  const widget = (name: string) => widgetOf(customer, name);

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    const agentContext = await browser.newContext();
    await agentContext.grantPermissions(['notifications'], { origin: server.url });
    await agentContext.addInitScript(RECORD_NOTIFICATIONS);
    agent = await agentContext.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the display name in the top bar, apart from the Administration link', async () => {
    await logInToConsole(agent, server.url);
    assert.equal((await agent.getByTestId('me-name').textContent())?.trim(), 'Signed in as Admin');
    assert.equal((await agent.getByTestId('admin-link').innerText()).trim(), 'Administration');
    assert.equal(await agent.getByTestId('allow-desktop').count(), 0, 'already allowed: not asked again');
  });

  it('raises a desktop notification for a new conversation', async () => {
    await customer.goto(`${server.url}/`);
    await widget('launcher').click();
    await say(customer, 'Hello, see https://example.com/order?id=7 or javascript:alert(1)');
    await agent.waitForFunction(
      () => (window as unknown as { __notifications: unknown[] }).__notifications.length > 0,
    );
    const raised = await agent.evaluate(
      () => (window as unknown as { __notifications: { title: string; body?: string }[] }).__notifications,
    );
    assert.equal(raised[0]?.title, 'New conversation');
    assert.match(raised[0]?.body ?? '', /^Visitor /);
    assert.doesNotMatch(raised[0]?.body ?? '', /example\.com/, 'never the message text');
    assert.equal(await agent.title(), '(1) Candor', 'the queue counts in the title');
  });

  it('renders links clickable with the right rel in the widget, and other schemes as text', async () => {
    const link = customer.locator('#candor-widget .log a');
    await link.first().waitFor();
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), 'https://example.com/order?id=7');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
    assert.equal(await link.getAttribute('target'), '_blank');
    const row = customer.locator('#candor-widget .msg[data-author="visitor"]').first();
    assert.match(await row.innerText(), /javascript:alert\(1\)/);
    assert.match(
      (await row.locator('time').innerText()).trim(),
      /^\d{1,2}:\d{2}/,
      'the message shows its time',
    );
  });

  it('renders the same links in the console, and the visitor sees the message read', async () => {
    await agent.getByTestId('conversation-row').first().click();
    const link = agent.getByTestId('message').locator('a');
    await link.first().waitFor();
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), 'https://example.com/order?id=7');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
    assert.equal(await link.getAttribute('target'), '_blank');
    await customer.locator('#candor-widget .seen').filter({ hasText: 'Seen' }).waitFor();
  });

  it('shows a colleague viewing and typing, takes the conversation by shortcut, and asks before replying in it', async () => {
    const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ email: 'sam@example.test', name: 'Sam', password: 'sam-password-for-tests' }),
    });
    const sam = await (await browser.newContext()).newPage();
    await sam.goto(`${server.url}/console`);
    await sam.getByTestId('login-email').fill('sam@example.test');
    await sam.getByTestId('login-password').fill('sam-password-for-tests');
    await sam.getByTestId('login-submit').click();
    await sam.getByTestId('conversation-row').first().click();
    await sam.getByTestId('resolve').waitFor();

    // The admin has the same conversation open (previous test): each sees the other.
    await agent
      .getByTestId('viewers')
      .filter({ hasText: 'Sam is also viewing this conversation.' })
      .waitFor();
    await sam.getByTestId('viewers').filter({ hasText: 'Admin is also viewing' }).waitFor();
    await sam.getByTestId('reply-input').fill('Let me look');
    await agent.getByTestId('agent-typing').filter({ hasText: 'Sam is typing a reply' }).waitFor();

    // Shortcuts do nothing while typing in the reply box; outside it, "a" assigns to me.
    await sam.getByTestId('reply-input').press('a');
    await sam.locator('body').click({ position: { x: 5, y: 5 } });
    await sam.keyboard.press('a');
    await sam.getByTestId('assignee').filter({ hasText: 'Assigned to you' }).waitFor();
    await agent.getByTestId('assignee').filter({ hasText: 'Assigned to Sam' }).waitFor();

    // The admin replying in Sam's conversation must confirm first.
    await agent.getByTestId('reply-input').fill('I can take this one');
    await agent.getByTestId('reply-send').click();
    const confirm = agent.getByRole('alertdialog', { name: /assigned to Sam/ });
    await confirm.waitFor();
    assert.equal(await agent.getByTestId('message').filter({ hasText: 'I can take this one' }).count(), 0);
    await confirm.getByRole('button', { name: 'Reply anyway' }).click();
    await customer.locator('#candor-widget .log').filter({ hasText: 'I can take this one' }).waitFor();

    // "?" opens the help, which lists the shortcuts.
    await sam.locator('body').click({ position: { x: 5, y: 5 } });
    await sam.keyboard.press('?');
    const help = sam.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    assert.match(await help.innerText(), /Resolve the conversation/);
    await sam.context().close();
  });

  it('at 375 px, shows every control of the conversation view on screen and reachable', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 375, height: 667 } })).newPage();
    await logInToConsole(phone, server.url);
    await phone.getByTestId('tab-all').click(); // Sam has it now: not in the queue
    await phone.getByTestId('conversation-row').first().click();
    await phone.getByTestId('resolve').waitFor();
    const controls = phone.locator(
      '.topbar a, .topbar button, main.conversation button, main.conversation a, main.conversation textarea, main.conversation [tabindex="0"]',
    );
    const count = await controls.count();
    assert.ok(count >= 6, `expected the conversation's controls, found ${count}`);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      const name = (await control.getAttribute('data-testid')) ?? (await control.innerText()).slice(0, 30);
      assert.ok(box, `${name} is displayed`);
      assert.ok(
        box.x >= 0 && box.x + box.width <= 375 + 0.5,
        `${name} fits the width (${box.x}+${box.width})`,
      );
      // Reachable: what a tap at its centre hits is the control itself (or inside it), nothing on top.
      // The first line's box: a link wrapped over two lines has a gap where its whole box centres.
      const hit = await control.evaluate((el) => {
        const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && (el === top || el.contains(top));
      });
      assert.ok(hit, `${name} is not covered`);
    }
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 375, `no sideways scrolling (${overflow})`);
    // The way back to the list, and the list alone once there.
    await phone.getByTestId('back-to-list').click();
    await phone.getByTestId('conversation-row').first().waitFor();
    assert.equal(await phone.getByTestId('resolve').count(), 0);
    await phone.context().close();
  });
});
