/**
 * The team inbox's filters and facts in real Chromium: each row's verification badge, the team filter,
 * colleagues' status changing live, a conversation's required skills set from its header, and the
 * same controls named in French for a French browser.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Conversation } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn, TestClient } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();
const SAM = { email: 'sam@example.test', name: 'Sam', password: 'sam-password-for-tests' };

describe('team inbox filters and facts in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let cookie: string;
  let admin: Page;
  const visitors: TestClient[] = [];
  let anonymousId: string;
  let declaredId: string;
  let teamId: string;
  let samId: string;

  const api = async <T>(path: string, method = 'GET', body?: unknown, as = cookie): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: as, origin: server.url },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    assert.ok(res.ok, `${method} ${path}: ${res.status}`);
    return (await res.json()) as T;
  };

  before(async () => {
    server = await startTestServer({ awayGraceMs: 60_000 });
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    samId = (await api<{ agent: { id: string } }>('/api/v1/agents', 'POST', SAM)).agent.id;
    const me = await api<{ agent: { id: string } }>('/api/v1/me');
    teamId = (
      await api<{ team: { id: string } }>('/api/v1/teams', 'POST', {
        name: 'Billing',
        memberIds: [me.agent.id, samId],
      })
    ).team.id;
    const anonymous = await TestClient.hello(server.wsUrl, 'visitor');
    anonymousId = (await anonymous.client.sendMessage(null, 'Hello')).conversationId;
    const declared = await TestClient.hello(server.wsUrl, 'visitor');
    declaredId = (await declared.client.sendMessage(null, 'My invoice is wrong')).conversationId;
    await declared.client.request({ type: 'contact.update', name: 'Lin' });
    visitors.push(anonymous.client, declared.client);
    await api(`/api/v1/conversations/${declaredId}/transfer`, 'POST', { toTeamId: teamId });
    browser = await launchBrowser();
    admin = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await logInToConsole(admin, server.url);
  });
  after(async () => {
    for (const v of visitors) v.close();
    await browser?.close();
    await server?.close();
  });

  const row = (id: string) => admin.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);

  it('shows each conversation’s verification level as a labelled badge', async () => {
    const plain = row(anonymousId).getByTestId('verification-badge');
    await plain.waitFor();
    assert.equal(await plain.getAttribute('data-level'), 'anonymous');
    assert.match((await plain.textContent()) ?? '', /Identity: Anonymous/);
    const declared = row(declaredId).getByTestId('verification-badge');
    assert.equal(await declared.getAttribute('data-level'), 'self_declared');
    assert.match((await declared.textContent()) ?? '', /Self-declared/);
  });

  it('filters the list by team', async () => {
    await admin.getByLabel('Team', { exact: true }).selectOption({ label: 'Billing' });
    await row(anonymousId).waitFor({ state: 'detached' });
    assert.equal(await row(declaredId).count(), 1);
    await admin.getByLabel('Team', { exact: true }).selectOption({ label: 'All teams' });
    await row(anonymousId).waitFor();
  });

  it('shows colleagues’ status, live', async () => {
    const sam = admin.locator(`[data-testid="colleague"][data-agent-id="${samId}"]`);
    await sam.waitFor();
    assert.equal(await sam.getAttribute('data-status'), 'away', 'no console open yet');
    const samPage = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await samPage.goto(`${server.url}/console`);
    await samPage.getByTestId('login-email').fill(SAM.email);
    await samPage.getByTestId('login-password').fill(SAM.password);
    await samPage.getByTestId('login-submit').click();
    await samPage.getByTestId('tab-new').waitFor();
    await admin
      .locator(`[data-testid="colleague"][data-agent-id="${samId}"][data-status="online"]`)
      .waitFor();
    assert.match((await sam.textContent()) ?? '', /Sam\s*Online/);
    // An admin sets Sam away from elsewhere: Sam's own status control follows.
    await api(`/api/v1/routing/agents/${samId}`, 'PATCH', { status: 'away' });
    await samPage.waitForFunction(
      () => document.querySelector<HTMLSelectElement>('[data-testid="my-status"]')?.value === 'away',
    );
    await samPage.getByTestId('my-status').selectOption('offline');
    await admin
      .locator(`[data-testid="colleague"][data-agent-id="${samId}"][data-status="offline"]`)
      .waitFor();
    await samPage.close();
  });

  it('sets a conversation’s required skills from its header', async () => {
    await row(declaredId).click();
    await admin.getByRole('button', { name: 'Required skills' }).click();
    const skills = admin.getByRole('textbox', { name: 'Required skills' });
    await skills.fill('german, invoices ,german');
    await admin.getByRole('button', { name: 'Save required skills' }).click();
    await admin.getByText('Required skills saved.').waitFor();
    const { conversations } = await api<{ conversations: Conversation[] }>(
      `/api/v1/conversations?team=${teamId}`,
    );
    assert.deepEqual(conversations[0]?.requiredSkills, ['german', 'invoices']);
    await admin.getByRole('button', { name: 'Required skills (2)' }).click();
    assert.equal(await skills.inputValue(), 'german, invoices');
  });

  it('names the new controls in French for a French browser', async () => {
    const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    await logInToConsole(page, server.url);
    await page.getByLabel('Équipe', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Collègues' }).waitFor();
    const badge = page
      .locator(`[data-testid="conversation-row"][data-conversation-id="${anonymousId}"]`)
      .getByTestId('verification-badge');
    assert.match((await badge.textContent()) ?? '', /Identité : Anonyme/);
    await page.close();
  });
});
