/**
 * The console in a French browser, in real Chromium against a real server: the page says it is in
 * French, the core controls are found by their French role and name, no English word we translated is
 * left on the page, and axe-core finds nothing on any console page in English or in French.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { TestClient } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** English words and phrases the console used to show whatever the browser's language. */
const ENGLISH = [
  'Assign to me',
  'Unassign',
  'Resolve',
  'Resolved',
  'Reopen',
  'Take',
  'Open',
  'Unassigned',
  'Get a desktop notification',
  'Allow desktop notifications',
  'Not now',
  'Inbox',
  'Account',
  'Keyboard shortcuts',
  'Log out',
  'Search',
  'Filters',
  'Transfer',
  'Priority',
  'Private note',
  'Send',
  'Write a reply',
  'Reply to',
  'Typical wait',
  'No messages yet',
  'Add tag',
  'Typing preview',
  'Visitor is typing',
];

/** The admin and account pages' English, as it was. */
const ADMIN_ENGLISH = [
  'Add an agent',
  'Add agent',
  'Rename',
  'Reset password',
  'Assignment',
  'Add team',
  'Typing preview',
  'Contacts and signed identity',
  'Redaction rules',
  'Add a rule',
  'Shared canned responses',
  'Your account',
  'Display name',
  'Change password',
  'Where you are signed in',
  'Notify me when',
  'Play a sound',
];

/** The English words of `ENGLISH` found as whole words in the page's visible text. */
async function englishLeft(page: Page, words: readonly string[] = ENGLISH): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return words.filter((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(text));
}

/** axe-core's violations on the whole page, one line each (rule, help, first nodes). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
    return (await axe.run(document)).violations.map(
      (v) => `${v.id}: ${v.help} :: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`,
    );
  });
}

describe('the console in French', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let conversationId = '';

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    conversationId = (await client.sendMessage(null, 'Bonjour, ma commande est en retard')).conversationId;
    client.close();
    // A second one stays in the queue once the first is assigned, so axe sees a "Take" button too.
    const { client: other } = await TestClient.hello(server.wsUrl, 'visitor');
    await other.sendMessage(null, 'Hello, my parcel is late');
    other.close();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the inbox and a conversation’s controls in French, with no English left', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await logInToConsole(page, server.url);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');

    await page.getByRole('heading', { level: 1, name: 'Boîte de réception' }).waitFor();
    const ask = page.getByRole('region', { name: 'Notifications de bureau' });
    await ask.getByText('Recevoir une notification de bureau').waitFor();
    await ask.getByRole('button', { name: 'Autoriser les notifications de bureau' }).waitFor();
    await ask.getByRole('button', { name: 'Pas maintenant' }).waitFor();
    await page.getByRole('navigation', { name: 'Principale' }).waitFor();
    await page.getByRole('link', { name: 'Boîte de réception' }).waitFor();
    await page.getByRole('button', { name: 'Raccourcis clavier' }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await page.getByRole('combobox', { name: 'Votre statut' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher dans toutes les conversations' }).waitFor();
    await page.getByRole('button', { name: 'Rechercher', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Nouvelles' }).waitFor();
    // The visible word is part of the name (axe: label-content-name-mismatch).
    const take = page.getByRole('button', { name: 'Prendre la conversation en attente 1' });
    assert.equal(await take.innerText(), 'Prendre');
    assert.match(await page.getByTestId('conversation-row').first().innerText(), /Ouverte/);
    // An anonymous visitor's generated name is said in French too.
    assert.match(await page.getByTestId('conversation-row').first().innerText(), /Visiteur [0-9A-F]{4}/);
    assert.deepEqual(await englishLeft(page), [], 'English left on the inbox');

    await page.goto(`${server.url}/console/conversations/${conversationId}`);
    await page.getByRole('button', { name: 'M’attribuer' }).waitFor();
    await page.getByRole('button', { name: 'Résoudre' }).waitFor();
    await page.getByRole('button', { name: 'Transférer' }).waitFor();
    await page.getByRole('combobox', { name: 'Priorité' }).waitFor();
    await page.getByRole('textbox', { name: 'Ajouter une étiquette' }).waitFor();
    await page.getByRole('textbox', { name: /^Répondre à / }).waitFor();
    await page.getByRole('button', { name: 'Envoyer' }).waitFor();
    await page.getByRole('log', { name: 'Messages' }).getByText('Bonjour, ma commande').waitFor();
    assert.deepEqual(await englishLeft(page), [], 'English left on the conversation');
    // A reply asking for a password is held, and the warning is French too (the server says why).
    await page.getByTestId('reply-input').fill('Quel est votre mot de passe ?');
    await page.getByTestId('reply-input').press('Enter');
    const held = page.getByTestId('held-warning');
    await held.waitFor();
    assert.match(
      await held.innerText(),
      /^Retenu\s*: Ce message demande au client un mot de passe ou un code\./,
    );
    assert.match(await held.innerText(), /Envoyez-le quand même seulement si vous êtes sûr/);
    await held.getByRole('button', { name: 'Envoyer quand même' }).waitFor();
    await held.getByRole('button', { name: 'Abandonner' }).click();
    assert.equal(await held.count(), 0);

    await page.getByRole('button', { name: 'Transférer' }).click();
    await page.getByRole('combobox', { name: 'Transférer à' }).waitFor();
    await page.getByRole('button', { name: 'Note privée' }).click();
    await page.getByRole('textbox', { name: 'Note privée, vue des seuls agents' }).waitFor();
    await page.getByRole('button', { name: 'Ajouter la note' }).waitFor();
    await page.getByRole('button', { name: 'M’attribuer' }).click();
    await page.getByRole('button', { name: 'Désattribuer' }).waitFor();
    await page.getByTestId('assignee').getByText('Vous est attribuée').waitFor();
    assert.deepEqual(await englishLeft(page), [], 'English left once assigned');

    await page.goto(`${server.url}/console/admin`);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    for (const section of ['Agents', 'Attribution', 'Aperçu de la saisie', 'Règles de masquage']) {
      await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: 'Ajouter l’agent' }).waitFor();
    await page
      .getByRole('button', { name: /^Renommer / })
      .first()
      .waitFor();
    assert.deepEqual(await englishLeft(page, ADMIN_ENGLISH), [], 'English left on the admin page');

    await page.goto(`${server.url}/console/account`);
    await page.getByRole('heading', { level: 1, name: 'Votre compte' }).waitFor();
    await page.getByRole('checkbox', { name: 'Jouer un son' }).waitFor();
    await page.getByRole('button', { name: 'Changer le mot de passe' }).waitFor();
    assert.deepEqual(await englishLeft(page, ADMIN_ENGLISH), [], 'English left on the account page');
    await context.close();
  });

  for (const locale of ['en-GB', 'fr-FR']) {
    it(`axe finds nothing on any console page in ${locale}`, async () => {
      const context = await browser.newContext({ locale, bypassCSP: true }); // bypassCSP: to inject axe
      const page = await context.newPage();
      await logInToConsole(page, server.url);
      await page.getByTestId('desktop-ask').waitFor();
      const found: string[] = [];
      const sweep = async (label: string) => {
        for (const v of await axeViolations(page)) found.push(`${label}: ${v}`);
      };
      await page.getByTestId('queue-entry').first().waitFor();
      await sweep('inbox');
      const pages: [string, string][] = [
        [`/console/conversations/${conversationId}`, 'reply-input'],
        ['/console/admin', 'admin-link'],
        ['/console/admin/integrations', 'api-tokens'],
        ['/console/approvals', 'approvals-link'],
        ['/console/audit', 'audit-link'],
        ['/console/ratings', 'ratings-link'],
      ];
      for (const [path, ready] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.getByTestId(ready).first().waitFor();
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await sweep(path);
      }
      await context.close();
      assert.deepEqual(found, []);
    });
  }
});
