/**
 * Satisfaction and business hours in real Chromium: a customer rates the resolved conversation in the
 * widget (by the controls' accessible names) and the agent sees the rating on the conversation; a closed
 * team's next opening shows in the customer's own time zone. (The demo shop is `lang="en"`, so the
 * widget speaks English; the French words are unit-tested in hours-text.test.ts and i18n.)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

describe('satisfaction and hours in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris' })).newPage();
    agent = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the customer rates the resolved conversation and the agent sees the rating', async () => {
    await logInToConsole(agent, server.url);
    await customer.goto(server.url);
    await widget(customer, 'launcher').click();
    await say(customer, 'Mon colis est arrivé abîmé');
    const row = agent.getByTestId('conversation-row').filter({ hasText: 'colis' });
    await row.click();
    await agent.getByTestId('resolve').click();

    const prompt = widget(customer, 'rating');
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Rate 4 out of 5' }).click();
    await prompt.getByRole('textbox', { name: 'Comment (optional)' }).fill('Rapide et aimable');
    await prompt.getByRole('button', { name: 'Send rating' }).click();
    await widget(customer, 'rating-status').filter({ hasText: 'Thank you for your rating.' }).waitFor();
    assert.equal(await prompt.isHidden(), true);

    const line = agent.locator('[data-testid="activity"][data-kind="rated"]');
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', /4\/5.*Rapide et aimable/);
  });

  it('outside hours the widget says when the team is back, in the customer time zone', async () => {
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const day = (k: number) => new Date(Date.now() + k * 86_400_000).toISOString().slice(0, 10);
    const weekly = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => ({
      day: d,
      open: '09:00',
      close: '17:00',
    }));
    // Closed today and tomorrow in Paris: back at 9:00 Paris time the day after.
    const res = await fetch(`${server.url}/api/v1/inboxes/default/hours`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ hours: { timeZone: 'Europe/Paris', weekly, holidays: [day(0), day(1)] } }),
    });
    assert.equal(res.status, 200);

    const paris = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
    await paris.goto(server.url);
    await widget(paris, 'launcher').click();
    await widget(paris, 'hours').waitFor();
    assert.match((await widget(paris, 'hours').textContent()) ?? '', /^We’re back (on \w+ )?at 9:00 AM\.$/);

    const tokyo = await (await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Tokyo' })).newPage();
    await tokyo.goto(server.url);
    await widget(tokyo, 'launcher').click();
    await widget(tokyo, 'hours').waitFor();
    // 9:00 in Paris (winter or summer) is 5:00 PM or 4:00 PM in Tokyo.
    assert.match(
      (await widget(tokyo, 'hours').textContent()) ?? '',
      /^We’re back (on \w+ )?at [45]:00 PM\.$/,
    );
  });
});
