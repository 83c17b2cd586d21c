/**
 * The agents' tools in real Chromium: a canned response inserted with its `/shortcut` (variables
 * filled, keyboard only), a private note that stays with the agents, and the trail line it leaves.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn, TestClient } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();

describe('agent tools in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let agent: Page;
  let visitor: TestClient;
  let visitorName: string;
  let agentName: string;
  let conversationId: string;

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    agent = await (await browser.newContext()).newPage();
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const post = (body: object) =>
      fetch(`${server.url}/api/v1/canned-responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
    for (const body of [
      {
        scope: 'shared',
        shortcut: 'greet',
        locale: 'en',
        body: 'Hello {{visitor.name}}, {{agent.name}} here.',
      },
      { scope: 'shared', shortcut: 'refund', locale: 'en', body: 'Your refund is on its way.' },
    ]) {
      assert.equal((await post(body)).status, 201);
    }
    const me = (await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json()) as {
      agent: { name: string };
    };
    agentName = me.agent.name;
    const hello = await TestClient.hello(server.wsUrl, 'visitor');
    visitor = hello.client;
    visitorName = hello.welcome.visitor?.name ?? '';
    conversationId = (await visitor.sendMessage(null, 'Where is my order?')).conversationId;
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await visitor.next('conversation.history');
  });
  after(async () => {
    visitor?.close();
    await browser?.close();
    await server?.close();
  });

  it('inserts a canned response typed as /shortcut, with its variables filled', async () => {
    await logInToConsole(agent, server.url);
    await agent.getByTestId('conversation-row').filter({ hasText: 'Where is my order?' }).click();
    const input = agent.getByTestId('reply-input');
    await input.click();
    await input.pressSequentially('/gr', { delay: 20 });
    const option = agent.getByRole('option', { name: /\/greet/ });
    await option.waitFor();
    assert.equal(await agent.getByRole('listbox', { name: 'Canned responses' }).count(), 1);
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await input.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
    await input.press('Enter');
    const expected = `Hello ${visitorName}, ${agentName} here.`;
    assert.equal(await input.inputValue(), expected);
    assert.equal(await agent.getByTestId('canned-picker').count(), 0, 'the picker closed');

    await input.press('Enter'); // now it sends
    const sent = await visitor.next('message.created');
    assert.equal(sent.message.body, expected);
    await agent.locator('[data-testid="activity"][data-kind="assigned"]').waitFor();
  });

  it('Escape closes the picker and leaves what was typed', async () => {
    const input = agent.getByTestId('reply-input');
    await input.pressSequentially('/ref', { delay: 20 });
    await agent.getByRole('option', { name: /\/refund/ }).waitFor();
    await input.press('Escape');
    assert.equal(await agent.getByTestId('canned-picker').count(), 0);
    assert.equal(await input.inputValue(), '/ref');
    await input.fill('');
  });

  it('writes a private note that agents see, shown apart, and the visitor never receives', async () => {
    const toggle = agent.getByRole('button', { name: 'Private note' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const input = agent.getByLabel('Private note, seen by agents only');
    await input.fill('Customer already called twice about this order');
    await input.press('Enter');
    await agent.getByTestId('note').filter({ hasText: 'called twice' }).waitFor();
    // A message after the note: if the note had reached the visitor, it would have come first.
    await toggle.click();
    await agent.getByTestId('reply-input').fill('Checking now.');
    await agent.getByTestId('reply-input').press('Enter');
    assert.equal((await visitor.next('message.created')).message.body, 'Checking now.');
    assert.doesNotMatch(JSON.stringify(visitor.frames), /called twice|note\.created/);
  });
});
