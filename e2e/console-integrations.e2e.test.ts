/**
 * API tokens and webhooks in the console (issue 14), in real Chromium against a real server: the admin
 * creates a token, sees it once, the host's back end can use it, the admin revokes it and the back end
 * is refused; a webhook to a private address is refused in plain words; the French console names every
 * control in French; the page fits a phone's width.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('API tokens and webhooks in the console', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;

  const putAccount = (token: string) =>
    fetch(`${server.url}/api/v1/accounts/x`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'customer@example.test' }),
    });

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await logInToConsole(admin, server.url);
    await admin.getByTestId('integrations-link').click();
    await admin.getByRole('heading', { name: 'API tokens and webhooks' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a token shown once, which the back end can use until the admin revokes it', async () => {
    const tokens = admin.getByTestId('api-tokens');
    await tokens.getByLabel('Token name').fill('Shop back end');
    await tokens.getByLabel('Write accounts on file (accounts:write)').check();
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const shown = tokens.getByRole('textbox', { name: 'The new API token' });
    await shown.waitFor();
    const token = await shown.inputValue();
    assert.ok(token.length > 20, 'the token itself is shown');
    await tokens.getByText('you will not see it again').waitFor();
    await tokens.getByRole('button', { name: 'Copy the new API token' }).waitFor();
    const row = tokens.getByTestId('token-row').filter({ hasText: 'Shop back end' });
    assert.match(await row.innerText(), /accounts:write[\s\S]*Never used/);
    assert.equal((await putAccount(token)).status, 200, 'the new token works');

    await tokens.getByRole('button', { name: 'Done' }).click();
    assert.equal(await shown.count(), 0, 'gone once dismissed');
    await admin.reload();
    await admin.getByTestId('token-row').first().waitFor();
    assert.ok(!(await admin.content()).includes(token), 'never shown again');

    await admin.getByRole('button', { name: 'Revoke the token Shop back end' }).click();
    await admin.getByRole('button', { name: 'Yes, revoke Shop back end' }).click();
    await admin.getByTestId('token-state').filter({ hasText: 'Revoked' }).waitFor();
    assert.ok([401, 403].includes((await putAccount(token)).status), 'a revoked token is refused');
  });

  it('a webhook to a private address is refused in plain words', async () => {
    const hooks = admin.getByTestId('webhooks');
    await hooks.getByLabel('URL that receives events').fill('https://127.0.0.1/hook');
    await hooks.getByRole('button', { name: 'Add webhook' }).click();
    const alert = hooks.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Not done: This URL cannot receive webhooks/);
    assert.equal(await hooks.getByTestId('webhook-row').count(), 0);
  });

  it('in a French browser at a phone’s width every control is named in French, nothing overflows, axe finds nothing', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 375, height: 740 },
      bypassCSP: true, // to inject axe-core
    });
    const page = await context.newPage();
    await logInToConsole(page, server.url);
    await page.goto(`${server.url}/console/admin/integrations`);
    await page.getByRole('heading', { name: 'Jetons d’API et webhooks' }).waitFor();
    await page.getByLabel('Nom du jeton').waitFor();
    await page.getByLabel('Écrire les comptes (accounts:write)').waitFor();
    await page.getByRole('button', { name: 'Créer le jeton' }).waitFor();
    assert.match(await page.getByTestId('token-state').first().innerText(), /Révoqué/);
    assert.equal(
      await page.getByRole('button', { name: /Révoquer/ }).count(),
      0,
      'a revoked token has no button',
    );
    await page.getByLabel('URL qui reçoit les événements').waitFor();
    await page.getByLabel('Une action de récupération a été approuvée (recovery.action.approved)').waitFor();
    await page.getByRole('button', { name: 'Ajouter le webhook' }).waitFor();
    await page.getByRole('link', { name: 'Intégrations' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      type Result = { violations: { id: string; help: string; nodes: unknown[] }[] };
      const axe = (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe;
      return (await axe.run('main.integrations')).violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.length})`,
      );
    });
    assert.deepEqual(violations, [], 'axe on the integrations page');
    await context.close();
  });
});

describe('a webhook added in the console, pinged to a receiver on this machine', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: Server;
  let receiverUrl = '';
  const received: { type: string; signed: boolean }[] = [];
  let heard: () => void = () => undefined;
  const ping = new Promise<void>((resolve) => (heard = resolve));

  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const type = (JSON.parse(body) as { type: string }).type;
        received.push({ type, signed: typeof req.headers['webhook-signature'] === 'string' });
        res.writeHead(204).end();
        heard();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/candor`;
    // Loopback allowed here only: the receiver is this test's own server.
    server = await startTestServer({ webhooksAllowPrivate: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('shows the signing secret once, sends a signed test event and lists its delivery, then deletes', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await logInToConsole(page, server.url);
    await page.goto(`${server.url}/console/admin/integrations`);
    const hooks = page.getByTestId('webhooks');
    await hooks.getByLabel('URL that receives events').fill(receiverUrl);
    await hooks.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await hooks.getByRole('textbox', { name: 'The webhook signing secret' }).inputValue();
    assert.match(secret, /^whsec_/);
    await hooks.getByRole('button', { name: 'Done' }).click();

    await hooks.getByRole('button', { name: `Send a test event to ${receiverUrl}` }).click();
    await hooks.getByText('Test event queued').waitFor();
    await ping;
    assert.deepEqual(received, [{ type: 'webhook.ping', signed: true }]);
    const delivered = hooks.getByTestId('delivery').filter({ hasText: 'Delivered' });
    // The dispatcher records the answer just after the receiver has it: the admin refreshes until it shows.
    for (let tries = 0; tries < 100 && (await delivered.count()) === 0; tries++) {
      await hooks.getByRole('button', { name: `Refresh deliveries to ${receiverUrl}` }).click();
      await page.waitForTimeout(100);
    }
    assert.match(await delivered.innerText(), /webhook\.ping · Delivered · 1 attempt · last answer 204/);

    await hooks.getByRole('button', { name: `Delete the webhook ${receiverUrl}` }).click();
    await hooks.getByRole('button', { name: 'Yes, delete the webhook' }).click();
    await hooks.getByText('No webhook yet.').waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
  });
});
