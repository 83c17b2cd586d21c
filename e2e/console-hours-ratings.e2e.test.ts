/**
 * Opening hours and the ratings report in the console, in real Chromium: an admin sets the inbox's
 * hours so that it is closed now and sees "Closed"; a visitor rates a resolved conversation in the
 * widget and the admin finds that rating, its comment and a link to the conversation in the ratings
 * view; the French console names the controls in French.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

describe('opening hours and ratings in the console', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' })).newPage();
    await logInToConsole(admin, server.url);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin sets hours that leave the inbox closed now and sees "Closed", with the next opening', async () => {
    await admin.getByTestId('admin-link').click();
    const hours = admin.getByTestId('inbox-hours').first();
    await hours.getByRole('button', { name: /^Set opening hours for / }).click();
    const zone = hours.getByRole('combobox', { name: 'Time zone' });
    assert.equal(await zone.inputValue(), 'Europe/Paris', "the browser's zone by default");
    await zone.selectOption('Pacific/Auckland');
    // Closed every day; today (in Auckland) a holiday, so whatever the hour it is closed now.
    for (const day of DAYS.slice(0, 5))
      await hours.getByRole('button', { name: `Remove time range 1 for ${day}` }).click();
    await hours.getByRole('button', { name: 'Add a time range for Monday' }).click();
    const opens = hours.getByLabel('Monday, time range 1: opens at');
    const closes = hours.getByLabel('Monday, time range 1: closes at');
    await opens.fill('18:00');
    await closes.fill('09:00');
    await hours.getByRole('button', { name: 'Save opening hours' }).click();
    // Checked before sending, next to the day.
    await hours.getByText('A range closes before it opens.').waitFor();
    assert.equal(await opens.getAttribute('aria-invalid'), 'true');
    await closes.fill('10:00');
    await opens.fill('09:00');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Pacific/Auckland' }).format(
      new Date(Date.now() + 86_400_000),
    );
    await hours.getByRole('button', { name: 'Add a holiday' }).click();
    await hours.getByLabel('Holiday 1: date').fill(today);
    await hours.getByLabel('Holiday 1: label (optional)').fill('Inventory day');
    await hours.getByRole('button', { name: 'Add a holiday' }).click();
    await hours.getByLabel('Holiday 2: date').fill(tomorrow);
    await hours.getByRole('button', { name: 'Save opening hours' }).click();
    await hours.getByRole('status').filter({ hasText: 'Opening hours saved.' }).waitFor();
    const status = hours.getByTestId('hours-status');
    assert.match((await status.innerText()) ?? '', /^Closed, opens (Monday|\d+ \w+) 09:00$/);

    // What was saved is what the form shows again, the label included.
    await admin.reload();
    const again = admin.getByTestId('inbox-hours').first();
    await again.getByTestId('hours-status').waitFor();
    assert.match(await again.getByTestId('hours-status').innerText(), /^Closed/);
    assert.equal(await again.getByLabel('Holiday 1: label (optional)').inputValue(), 'Inventory day');
    const [y, m, d] = today.split('-').map(Number);
    const named = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, 12),
    );
    await again.getByRole('button', { name: `Remove holiday ${named}` }).waitFor();
  });

  it('a visitor rates a resolved conversation and the admin sees it in the ratings view', async () => {
    // The test before left the inbox closed, where the widget takes a message with an email instead:
    // always open for this test, its hours put back at the end for the next one.
    const hoursUrl = `${server.url}/api/v1/inboxes/default/hours`;
    const saved = ((await (await admin.request.get(hoursUrl)).json()) as { hours: unknown }).hours;
    const cleared = await admin.request.put(hoursUrl, { data: { hours: null } });
    assert.equal(cleared.status(), 200, await cleared.text());
    const customer = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await customer.goto(server.url);
    await widget(customer, 'launcher').click();
    await say(customer, 'Ma commande est bien arrivée, merci');
    await admin.goto(`${server.url}/console`);
    await admin.getByTestId('conversation-row').filter({ hasText: 'commande' }).click();
    await admin.getByTestId('resolve').click();
    const prompt = widget(customer, 'rating');
    await prompt.waitFor();
    await prompt.getByRole('button', { name: 'Rate 5 out of 5' }).click();
    await prompt.getByRole('textbox', { name: 'Comment (optional)' }).fill('Très réactif <b>merci</b>');
    await prompt.getByRole('button', { name: 'Send rating' }).click();
    await widget(customer, 'rating-status').filter({ hasText: 'Thank you for your rating.' }).waitFor();

    await admin.getByTestId('ratings-link').click();
    await admin.getByRole('heading', { name: 'Customer ratings', level: 1 }).waitFor();
    const row = admin.getByTestId('rating-row').first();
    await row.waitFor();
    assert.match(await row.innerText(), /5\/5\s+Très réactif <b>merci<\/b>/);
    assert.match(await admin.getByTestId('ratings-average').innerText(), /^5 \/ 5 · 1 rating$/);
    const distribution = admin.getByRole('table', { name: 'Distribution' });
    assert.match(await distribution.getByRole('row', { name: /5 out of 5/ }).innerText(), /1\s+100 %/);
    await admin.getByRole('table', { name: 'By agent' }).waitFor();

    await row.getByRole('link', { name: /^Open the conversation rated 5\/5 on / }).click();
    await admin.waitForURL(/\/console\/conversations\//);
    await customer.context().close();
    const restored = await admin.request.put(hoursUrl, { data: { hours: saved } });
    assert.equal(restored.status(), 200, await restored.text());
  });

  it('the French console names the hours and ratings controls in French', async () => {
    const fr = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
    await logInToConsole(fr, server.url);
    await fr.getByRole('link', { name: 'Évaluations' }).click();
    await fr.getByRole('heading', { name: 'Évaluations des clients', level: 1 }).waitFor();
    await fr.getByRole('button', { name: 'Afficher les évaluations' }).waitFor();
    await fr.getByTestId('admin-link').click();
    const hours = fr.getByTestId('inbox-hours').first();
    await hours.getByRole('button', { name: 'Ajouter une plage horaire le lundi' }).waitFor();
    await hours.getByRole('button', { name: 'Enregistrer les horaires' }).waitFor();
    assert.match(await hours.getByTestId('hours-status').innerText(), /^Fermé, ouvre /);
    await fr.context().close();
  });
});
