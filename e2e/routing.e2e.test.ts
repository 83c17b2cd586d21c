/**
 * Who answers, in real Chromium: two agents online with room for one conversation each; visitors are
 * assigned round robin; the third waits and sees their place in the queue; an agent transfers a
 * conversation to the other with a note that the next agent reads and the visitor never sees.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Conversation } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();
const SAM = { email: 'sam@example.test', name: 'Sam', password: 'sam-password-for-tests' };
const NOTE = 'Wants a refund for order 7781, already checked the tracking';

describe('routing in the browser', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let cookie: string;
  let admin: Page;
  let sam: Page;
  const customers: Page[] = [];

  before(async () => {
    server = await startTestServer({ autoAssign: true, defaultCapacity: 1 });
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const created = await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: server.url },
      body: JSON.stringify(SAM),
    });
    assert.equal(created.status, 201);
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
    sam = await (await browser.newContext()).newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function conversations(): Promise<Conversation[]> {
    const res = await fetch(`${server.url}/api/v1/conversations?status=open`, { headers: { cookie } });
    return ((await res.json()) as { conversations: Conversation[] }).conversations;
  }

  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (ok(value)) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function customerSays(text: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    customers.push(page);
    await page.goto(`${server.url}/`);
    await widget(page, 'launcher').click();
    await say(page, text);
    await widget(page, 'messages').locator('[data-seq]').filter({ hasText: text }).first().waitFor();
    return page;
  }

  it('two agents online: two visitors are assigned one to each, round robin', async () => {
    await logInToConsole(admin, server.url);
    await sam.goto(`${server.url}/console`);
    await sam.getByTestId('login-email').fill(SAM.email);
    await sam.getByTestId('login-password').fill(SAM.password);
    await sam.getByTestId('login-submit').click();
    await sam.getByTestId('tab-new').waitFor();

    await customerSays('Where is my parcel?');
    await customerSays('I was charged twice');
    const open = await until(
      conversations,
      (list) => list.length === 2 && list.every((c) => c.assigneeId !== null),
      'both conversations assigned',
    );
    const assignees = new Set(open.map((c) => c.assigneeId));
    assert.equal(assignees.size, 2, 'one conversation each, not both to the same agent');
  });

  it('with both agents at capacity, the next visitor waits and sees their place in the queue', async () => {
    const third = await customerSays('Can I change my delivery address?');
    await third
      .locator('#candor-widget [data-candor="queue"]')
      .filter({ hasText: 'You are next in line.' })
      .waitFor();
    const open = await conversations();
    assert.equal(open.filter((c) => c.assigneeId === null).length, 1, 'the third is queued, not assigned');
  });

  it('an agent transfers to the other with a note: the next agent reads it, the visitor sees a neutral line', async () => {
    const open = await conversations();
    const parcel = open.find((c) => c.lastMessage?.preview.includes('parcel'));
    assert.ok(parcel?.assigneeId, 'the first conversation is assigned');
    const samId = open.find((c) => c.assigneeName === 'Sam')?.assigneeId;
    const [from, to, toName] = parcel.assigneeId === samId ? [sam, admin, 'Admin'] : [admin, sam, 'Sam'];

    await from.getByTestId('tab-mine').click();
    await from.getByTestId('conversation-row').filter({ hasText: 'parcel' }).click();
    await from.getByTestId('transfer').click();
    const form = from.getByTestId('transfer-form');
    // Each agent is listed with their live status ("Sam: Online"): chosen by name.
    const target = form.getByTestId('transfer-target');
    const option = target.locator('option', { hasText: new RegExp(`^${toName}\\b`) });
    await target.selectOption((await option.getAttribute('value')) ?? '');
    await form.getByTestId('transfer-note').fill(NOTE);
    await form.getByRole('button', { name: 'Transfer' }).click();

    await until(
      conversations,
      (list) => list.find((c) => c.id === parcel.id)?.assigneeName === toName,
      'the conversation assigned to the other agent',
    );
    await to.getByTestId('tab-mine').click();
    await to.getByTestId('conversation-row').filter({ hasText: 'parcel' }).click();
    await to.getByTestId('activity').filter({ hasText: NOTE }).waitFor();

    const visitor = customers[0]!;
    const line = visitor.locator('#candor-widget [data-candor="queue"]');
    await line.filter({ hasText: 'passed to another member of the team' }).waitFor();
    assert.equal(
      await visitor.locator('#candor-widget').getByText('refund for order 7781').count(),
      0,
      'the note never reaches the visitor',
    );
  });
});
