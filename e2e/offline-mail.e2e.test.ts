/**
 * Offline messages in real Chromium: with the team closed now (hours set through the REST API), the
 * widget says when it is back and takes a message with an email; the agent sees it in the console as
 * left offline, with the email; the agent's reply to the departed customer is kept in the development
 * outbox (no SMTP configured), which the admin reads in the console.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

describe('offline messages in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let customer: Page;
  let agent: Page;

  before(async () => {
    server = await startTestServer({ mailCoalesceMs: 200 });
    browser = await launchBrowser();
    customer = await (await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Paris' })).newPage();
    agent = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('outside hours the widget shows the return time and takes a message with an email; the agent sees it', async () => {
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const day = (k: number) => new Date(Date.now() + k * 86_400_000).toISOString().slice(0, 10);
    const weekly = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => ({
      day: d,
      open: '09:00',
      close: '17:00',
    }));
    // Closed today and tomorrow (holidays), so closed now whatever the hour.
    const res = await fetch(`${server.url}/api/v1/inboxes/default/hours`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        hours: { timeZone: 'Europe/Paris', weekly, holidays: [day(-1), day(0), day(1)] },
      }),
    });
    assert.equal(res.status, 200);

    await logInToConsole(agent, server.url);
    await customer.goto(server.url);
    await widget(customer, 'launcher').click();
    await widget(customer, 'hours').waitFor();
    assert.match((await widget(customer, 'hours').textContent()) ?? '', /^We’re back/);
    const leave = widget(customer, 'leave');
    await leave.getByText('Leave us a message').waitFor();
    await leave.getByRole('textbox', { name: 'Your email' }).fill('zoe@example.test');
    await say(customer, 'Mon colis est arrivé abîmé, merci de me recontacter');
    await leave.waitFor({ state: 'hidden' });

    const row = agent.getByTestId('conversation-row').filter({ hasText: 'recontacter' });
    await row.click();
    const line = agent.locator('[data-testid="activity"][data-kind="left_offline"]');
    await line.waitFor();
    assert.match((await line.textContent()) ?? '', /while the team was away.*zoe@example\.test/);

    // The customer leaves; the agent's reply goes to the outbox, which the admin reads in the console.
    await customer.close();
    await agent.getByTestId('reply-input').fill('Nous vous renvoyons un colis.');
    await agent.getByTestId('reply-input').press('Enter');
    await agent.goto(`${server.url}/console/admin`);
    const outbox = agent.getByTestId('outbox');
    await outbox.waitFor();
    const mail = outbox.locator('details').filter({ hasText: 'zoe@example.test' });
    for (let i = 0; i < 50 && (await mail.count()) === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      await outbox.getByRole('button', { name: 'Refresh the outbox' }).click();
    }
    await mail.first().locator('summary').click();
    assert.match((await mail.first().textContent()) ?? '', /Nous vous renvoyons un colis\./);
  });

  it('the link of a reply email reopens the conversation in the widget, once, and leaves the address bar', async () => {
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const outbox = async () =>
      (
        (await (await fetch(`${server.url}/api/v1/outbox`, { headers: { cookie } })).json()) as {
          mails: Array<{ to: string; text: string }>;
        }
      ).mails;
    const mail = (await outbox()).find((m) => m.to === 'zoe@example.test');
    const link = /(http\S+#candor-reopen=\S+)/.exec(mail?.text ?? '')?.[1];
    assert.ok(link, 'the reply email has a link');

    const back = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await back.goto(link);
    // Opened by the link, with the agent's reply and the customer's message.
    await widget(back, 'messages').getByText('Nous vous renvoyons un colis.').waitFor();
    assert.match((await widget(back, 'messages').textContent()) ?? '', /recontacter/);
    assert.equal(new URL(back.url()).hash, '', 'the token is taken out of the address bar');

    // The same link again, in another browser: refused, so a stranger sees nothing of it.
    const stranger = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await stranger.goto(link);
    // Welcomed (the team is still closed, so the return time shows), as a new visitor.
    await widget(stranger, 'hours').waitFor();
    assert.doesNotMatch((await widget(stranger, 'messages').textContent()) ?? '', /recontacter|renvoyons/);
  });
});
