/**
 * The bot in real Chromium: a French customer on a French shop asks about a refund, is told they are
 * talking to an automated assistant, gets an article with its link, says it did not help, asks for a
 * person; an agent in the console picks the conversation up and sees the whole bot exchange with the
 * articles offered.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ARTICLES_DIR } from '../packages/server/src/help/demo-articles';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

describe('the bot in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let shop: Server;
  let shopUrl: string;
  let customer: Page;
  let agent: Page;

  before(async () => {
    // A French shop embedding the widget: the widget, and so the bot, speak French.
    let widgetSrc = '';
    shop = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="fr"><head><title>Boutique</title></head><body><h1>Boutique</h1><script src="${widgetSrc}" async></script></body></html>`,
        ),
    );
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    server = await startTestServer({ demoArticlesDir: DEMO_ARTICLES_DIR, allowedOrigins: [shopUrl] });
    widgetSrc = `${server.url}/widget.js`;
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/v1/inboxes/default`, {
      method: 'PATCH',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ bot: { enabled: true } }),
    });
    assert.equal(res.status, 200);
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    agent = await (await browser.newContext({ locale: 'en-US' })).newPage();
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => shop?.close(resolve));
    await server?.close();
  });

  it('a French customer gets an article, says No, asks for a person; the agent sees the bot exchange', async () => {
    await customer.goto(shopUrl);
    await widget(customer, 'launcher').click();
    const notice = widget(customer, 'bot-notice');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /assistant automatique/);

    await say(customer, 'Bonjour, je voudrais être remboursé de ma commande');
    const log = widget(customer, 'messages');
    const answer = log.locator('[data-author="bot"]').first();
    await answer.waitFor();
    assert.match((await answer.textContent()) ?? '', /Assistant automatique/);
    const article = answer.getByRole('link');
    assert.match((await article.getAttribute('href')) ?? '', new RegExp(`^${server.url}/help/fr/`));

    await answer.getByRole('button', { name: 'Non, cela ne m’a pas aidé' }).click();
    const second = log.locator('[data-author="bot"]').nth(1);
    await second.waitFor();
    assert.match((await second.textContent()) ?? '', /Peut-être celui-ci/);
    assert.equal(await answer.getByRole('button', { name: 'Non, cela ne m’a pas aidé' }).count(), 0);

    await customer.getByRole('button', { name: 'Parler à une personne' }).click();
    const handover = log.locator('[data-author="bot"]').nth(2);
    await handover.waitFor();
    assert.match((await handover.textContent()) ?? '', /membre de l’équipe/);
    await notice.waitFor({ state: 'hidden' });

    await logInToConsole(agent, server.url);
    await agent
      .getByTestId('conversation-row')
      .filter({ hasText: /membre|rembours/ })
      .first()
      .click();
    const botMessages = agent.locator('[data-testid="message"][data-author-type="bot"]');
    await botMessages.nth(2).waitFor();
    assert.equal(await botMessages.count(), 3, 'the whole bot exchange');
    assert.match((await botMessages.first().textContent()) ?? '', /Automated assistant/);
    const offered = botMessages.first().getByTestId('bot-articles').getByRole('link');
    assert.match((await offered.getAttribute('href')) ?? '', /^\/help\/fr\//);
    await agent.getByTestId('assign-me').click();
    await agent.getByTestId('assignee').filter({ hasText: 'Assigned to you' }).waitFor();
  });
});
