/**
 * Writing help articles in the console, in real Chromium: the admin writes an article with a live
 * preview rendered by the help centre's rules (raw HTML shown as text), publishes it, finds it in the
 * public help centre, edits it, and the French console names every control in French.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();

describe('articles in the console', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await logInToConsole(admin, server.url);
    await admin.getByTestId('admin-link').click();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin writes an article and sees it rendered as readers will, raw HTML as text', async () => {
    const form = admin.getByTestId('article-form');
    await form.getByLabel('Title').fill('How to return an item');
    await form.getByLabel('Category (optional)').fill('Returns');
    await form.getByLabel('Text (Markdown)').fill('You have **30 days**.\n\n<img src=x onerror=alert(1)>');
    const preview = admin.getByTestId('article-preview');
    await preview.locator('strong', { hasText: '30 days' }).waitFor();
    assert.match(await preview.innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await preview.locator('img').count(), 0);
    await form.getByLabel('Published in the help centre').check();
    await form.getByRole('button', { name: 'Add article' }).click();
    await admin.getByRole('button', { name: 'Edit article How to return an item' }).waitFor();
    const row = admin.getByTestId('article-row').filter({ hasText: 'How to return an item' });
    assert.match(await row.innerText(), /English\s+Returns\s+Published/);
  });

  it('the published article is in the public help centre; an edit keeps its address', async () => {
    const reader = await browser.newPage();
    await reader.goto(`${server.url}/help/en/how-to-return-an-item`);
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'How to return an item');
    await admin.getByRole('button', { name: 'Edit article How to return an item' }).click();
    const form = admin.getByTestId('article-form');
    assert.equal(await form.getByLabel('Title').inputValue(), 'How to return an item');
    await form.getByLabel('Title').fill('Returning an item');
    await form.getByLabel('Published in the help centre').uncheck();
    await form.getByRole('button', { name: 'Save article' }).click();
    await admin.getByRole('button', { name: 'Edit article Returning an item' }).waitFor();
    assert.match(
      await admin.getByTestId('article-row').filter({ hasText: 'Returning an item' }).innerText(),
      /Draft/,
    );
    const gone = await reader.goto(`${server.url}/help/en/how-to-return-an-item`);
    assert.equal(gone?.status(), 404, 'a draft is not public');
    await reader.close();
  });

  it('in a French browser every control of the view is named in French', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await logInToConsole(page, server.url);
    await page.getByTestId('admin-link').click();
    await page.getByRole('heading', { name: 'Articles d’aide' }).waitFor();
    const form = page.getByTestId('article-form');
    await form.getByLabel('Titre').waitFor();
    await form.getByLabel('Texte (Markdown)').waitFor();
    await form.getByLabel('Catégorie (facultative)').waitFor();
    await form.getByLabel('Publié dans le centre d’aide').waitFor();
    await form.getByRole('button', { name: 'Ajouter l’article' }).waitFor();
    await page.getByRole('button', { name: 'Modifier l’article Returning an item' }).waitFor();
    await page.getByRole('button', { name: 'Supprimer l’article Returning an item' }).click();
    assert.equal(await page.getByTestId('article-row').count(), 0);
  });
});
