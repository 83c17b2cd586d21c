/**
 * Search in the console: last month's resolved conversation, long gone from the inbox's recent list,
 * is found by a word from it (in another form, without its accent), its match is marked as text, and
 * the result opens the conversation; all by keyboard.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();
const MONTH = 30 * 86_400_000;

describe('search in the console', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("finds last month's resolved conversation by a word from it and opens it", async () => {
    const monthAgo = Date.now() - MONTH;
    const visitor = {
      id: `v-${randomUUID()}`,
      tokenHash: randomUUID(),
      name: 'Old Owl',
      locale: 'fr',
      createdAt: monthAgo,
    };
    await server.store.createVisitor(visitor);
    const id = `c-${randomUUID()}`;
    const body = 'Mon <b>parapluie</b> est arrivé cassé, je voudrais être remboursée';
    await server.store.startConversation(
      { id, inboxId: 'default', visitorId: visitor.id },
      { authorType: 'visitor', authorId: visitor.id, body, clientKey: randomUUID(), now: monthAgo },
    );
    await server.store.updateConversation(id, { status: 'resolved', now: monthAgo + 60_000 });

    await logInToConsole(page, server.url);
    const input = page.getByRole('searchbox', { name: 'Search all conversations' });
    await input.focus();
    await page.keyboard.type('rembourser');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('search-result').filter({ hasText: 'parapluie' });
    await result.waitFor();
    assert.equal(await result.getAttribute('data-conversation-id'), id);
    assert.deepEqual(await result.locator('mark').allTextContents(), ['remboursée']);
    // The message's markup is shown as text, never rendered.
    assert.equal(await result.locator('b').count(), 0);
    assert.match((await result.textContent()) ?? '', /<b>parapluie<\/b>/);
    assert.match((await result.textContent()) ?? '', /Resolved/);
    await page.getByRole('status').filter({ hasText: '1 conversation found.' }).waitFor();

    // Filters are named controls: resolved only still finds it, open only does not.
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('open');
    await input.press('Enter');
    await page.getByRole('status').filter({ hasText: 'No conversation matches.' }).waitFor();
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('resolved');
    await input.press('Enter');
    await result.waitFor();

    await result.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/console/conversations/${id}`);
    await page.getByText('est arrivé cassé').first().waitFor();

    await input.focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('search-results').waitFor({ state: 'detached' });
    assert.equal(await input.inputValue(), '');
  });
});
