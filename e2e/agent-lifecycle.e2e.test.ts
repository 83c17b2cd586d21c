/**
 * Revoking an agent in real Chromium: the admin deactivates an agent whose console is open in another
 * browser, and that console lands on the sign-in page at once. Then the admin resets a password (shown
 * once) and the agent uses the account page.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();
const ALICE = { email: 'alice@example.test', name: 'Alice Martin', password: 'alice-password-1234' };

async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('tab-new').waitFor();
}

describe('agent lifecycle in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let alice: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
    alice = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin adds Alice, who signs in in another browser', async () => {
    await logInToConsole(admin, server.url);
    await admin.getByTestId('admin-link').click();
    await admin.getByTestId('agent-email').fill(ALICE.email);
    await admin.getByTestId('agent-name').fill(ALICE.name);
    await admin.getByTestId('agent-password').fill(ALICE.password);
    await admin.getByTestId('agent-create').click();
    await admin.getByRole('button', { name: 'Deactivate Alice Martin' }).waitFor();
    await signIn(alice, server.url, ALICE.email, ALICE.password);
  });

  it('deactivating Alice, after a confirmation, sends her open console to the sign-in page', async () => {
    await admin.getByRole('button', { name: 'Deactivate Alice Martin' }).click();
    await admin.getByRole('button', { name: 'Yes, deactivate Alice Martin' }).click();
    await admin.getByRole('button', { name: 'Reactivate Alice Martin' }).waitFor();
    await alice.getByTestId('login-submit').waitFor({ timeout: 5000 });
    assert.match(await alice.locator('main.login').innerText(), /session has ended/i);
    // And she cannot sign back in.
    await alice.getByTestId('login-password').fill(ALICE.password);
    await alice.getByTestId('login-submit').click();
    await alice.getByTestId('login-error').waitFor();
  });

  it('reactivated, with a password reset shown once, Alice signs in and ends her other session', async () => {
    await admin.getByRole('button', { name: 'Reactivate Alice Martin' }).click();
    await admin.getByRole('button', { name: 'Reset password of Alice Martin' }).click();
    await admin.getByRole('button', { name: 'Yes, reset the password of Alice Martin' }).click();
    const password = (await admin.getByTestId('reset-password').innerText()).trim();
    assert.ok(password.length >= 24);

    const other = await (await browser.newContext()).newPage();
    await signIn(other, server.url, ALICE.email, password);
    await signIn(alice, server.url, ALICE.email, password);
    await alice.getByTestId('account-link').click();
    await alice.getByRole('heading', { name: 'Your account' }).waitFor();
    await alice.getByRole('button', { name: /^End session:/ }).click();
    await other.getByTestId('login-submit').waitFor({ timeout: 5000 });
    await alice.getByText('(this browser)').waitFor();
    assert.equal(await alice.getByRole('button', { name: /^End session:/ }).count(), 0);
  });
});
