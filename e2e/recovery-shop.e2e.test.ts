/**
 * Account recovery end to end in real Chromium, with the example host app (examples/shop) beside a real
 * Candor and a real SMTP server (issue 14):
 * - the locked-out customer: on the shop, logged out, "I can't access my account"; the agent sends a code
 *   by email (read from the SMTP server), the customer types it in the widget's secure field, the agent
 *   unlocks, Candor's signed webhook reaches the shop, which unlocks the account. No frame an agent's
 *   console received ever carries the code.
 * - the thief's path: Chloé's email was changed yesterday (by the thief); the thief, posing as Chloé,
 *   gets a code at the new address, is verified, and urgently asks for another email: the change waits
 *   for a supervisor and then a cooling-off period, the old address is told and can stop it, and the
 *   shop is told of nothing.
 *
 * Everything is driven through accessible names (widget and console) and the documented REST shapes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type {
  Conversation,
  RecoveryActionView,
  RecoveryCase,
  RecoveryApprovalsResponse,
} from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn } from '../packages/server/src/testing/test-client';
import { startTestSmtpServer, type TestSmtpServer } from '../packages/server/src/testing/test-smtp-server';
import { demoAccounts } from '../examples/shop/src/demo-accounts';
import { DEMO_SUPERVISOR, ensureDemoSupervisor, provisionCandor } from '../examples/shop/src/provision';
import { startShop, type RunningShop } from '../examples/shop/src/start-shop';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole, say, widget } from './chat-pages';

const skip = browserSkipReason();

const DAY = 86_400_000;
const THIEF_EMAIL = 'chloe.dubois@evil.example';
const THIEF_NEXT_EMAIL = 'c.dubois@evil.example';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function until<T>(what: string, read: () => T | Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The code in a recovery email: at least 6 digits on their own. */
function codeIn(text: string): string {
  const code = /\b(\d{6,10})\b/.exec(text)?.[1];
  assert.ok(code, `a code in the email: ${text}`);
  return code;
}

describe('account recovery with the example shop, in the browser', { skip }, () => {
  let candor: TestServer;
  let smtp: TestSmtpServer;
  let shop: RunningShop;
  let browser: Browser;
  let adminCookie: string;
  let supervisorCookie: string;
  /** Every frame the agents' consoles received, to check no code ever reached one. */
  const agentFrames: string[] = [];

  before(async () => {
    smtp = await startTestSmtpServer();
    const shopPort = await freePort();
    const shopOrigin = `http://localhost:${shopPort}`;
    candor = await startTestServer({
      webhooksAllowPrivate: true,
      smtp: { url: smtp.url, from: 'Support <help@candor.test>' },
      allowedOrigins: [shopOrigin],
    });
    adminCookie = await logIn(candor.url, ADMIN.email, ADMIN.password);
    await ensureDemoSupervisor(candor.url, ADMIN);
    supervisorCookie = await logIn(candor.url, DEMO_SUPERVISOR.email, DEMO_SUPERVISOR.password);

    // Chloé's email on file for two months; the thief replaced it yesterday (in the shop, synced).
    await candor.store.putHostAccount(
      'u-1003',
      { name: 'Chloé Dubois', contacts: { email: 'chloe@example.com' } },
      Date.now() - 60 * DAY,
    );
    await candor.store.putHostAccount('u-1003', { contacts: { email: THIEF_EMAIL } }, Date.now() - DAY);
    const accounts = (await demoAccounts()).map((a) =>
      a.id === 'u-1003' ? { ...a, email: THIEF_EMAIL } : a,
    );

    const provisioned = await provisionCandor({
      candorUrl: candor.url,
      admin: ADMIN,
      webhookUrl: `http://127.0.0.1:${shopPort}/webhooks/candor`,
    });
    shop = await startShop({
      port: shopPort,
      host: '127.0.0.1',
      candorUrl: candor.url,
      ...provisioned,
      accounts,
      print: () => undefined,
    });
    assert.equal(shop.url, shopOrigin);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await shop?.close();
    await candor?.close();
    await smtp?.close();
  });

  async function openConsole(): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => agentFrames.push(typeof f.payload === 'string' ? f.payload : '')),
    );
    await logInToConsole(page, candor.url);
    return page;
  }

  /** A logged-out visitor of the shop asks for recovery in the widget. */
  async function startRecovery(account: string, details: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(shop.url);
    await widget(page, 'launcher').click();
    const root = page.locator('#candor-widget');
    await root.getByRole('button', { name: /^I can[’']t access my account$/ }).click();
    await root.getByRole('textbox', { name: /email or username/i }).fill(account);
    await root
      .getByRole('radio', { name: /locked out|hacked/i })
      .first()
      .check();
    await root.getByRole('textbox', { name: /^Details/ }).fill(details);
    await root.getByRole('button', { name: 'Ask for help' }).click();
    await widget(page, 'messages').getByText(details).waitFor();
    return page;
  }

  async function recoveryConversation(text: string): Promise<Conversation> {
    const list = async () =>
      (
        (await (
          await fetch(`${candor.url}/api/v1/conversations?status=open`, { headers: { cookie: adminCookie } })
        ).json()) as { conversations: Conversation[] }
      ).conversations;
    const found = await until('the recovery conversation', list, (cs) =>
      cs.some((c) => c.recovery === true && (c.lastMessage?.preview ?? '').includes(text)),
    );
    return found.find((c) => c.recovery === true && (c.lastMessage?.preview ?? '').includes(text))!;
  }

  async function recoveryCase(conversationId: string): Promise<RecoveryCase> {
    const res = await fetch(`${candor.url}/api/v1/conversations/${conversationId}/recovery`, {
      headers: { cookie: adminCookie },
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { recovery: RecoveryCase }).recovery;
  }

  it('the locked-out customer proves the account with an emailed code; the shop unlocks it from the webhook', async () => {
    assert.equal(shop.book.find('u-1001')?.locked, true);
    const agent = await openConsole();
    const customer = await startRecovery('alice@example.com', 'Locked out after too many wrong passwords');
    // The banner: agents never ask for a password or a code in the chat.
    await customer
      .locator('#candor-widget')
      .getByText(/never ask.*(password|code)/i)
      .first()
      .waitFor();

    const conversation = await recoveryConversation('Locked out');
    await agent.getByTestId('conversation-row').filter({ hasText: 'Locked out' }).click();
    await agent.getByText('a•••@example.com').first().waitFor(); // the agent sees a mask, never the address
    await agent.getByRole('button', { name: 'Send a code to Email a•••@example.com for Unlock' }).click();

    const [mail] = await smtp.waitFor(1);
    assert.equal(mail!.to, 'alice@example.com');
    assert.match(mail!.text, /never ask/i, 'the email says support will never ask for it');
    const code = codeIn(mail!.text);

    const root = customer.locator('#candor-widget');
    await root.getByRole('textbox', { name: 'Verification code' }).fill(code);
    await root.getByRole('button', { name: 'Verify code' }).click();
    await agent.getByText(/verified by a code sent to a•••@example\.com/i).waitFor();

    await agent.getByRole('button', { name: 'Unlock', exact: true }).click();
    await until(
      'the shop unlocked Alice',
      () => shop.book.find('u-1001')?.locked,
      (l) => l === false,
    );
    const page = await (await browser.newContext()).newPage();
    await page.goto(shop.url);
    assert.equal(
      await page.locator('tr[data-account="u-1001"] [data-testid="state"]').textContent(),
      'Active',
    );
    assert.match(
      (await page.getByTestId('activity').textContent()) ?? '',
      /Candor approved the unlock of alice’s account/,
    );

    // The code went from the SMTP server to the customer's field and to Candor only.
    const messages = await (
      await fetch(`${candor.url}/api/v1/conversations/${conversation.id}/messages`, {
        headers: { cookie: adminCookie },
      })
    ).text();
    assert.ok(!messages.includes(code), 'not in the transcript');
    assert.ok(agentFrames.length > 0);
    assert.ok(!agentFrames.some((f) => f.includes(code)), 'no agent frame carried the code');
    assert.ok(!(await agent.content()).includes(code), 'not on the agent’s screen');
  });

  it('the thief’s path: a contact changed yesterday, urgency, an email change held for approval and cooling-off, the old address told', async () => {
    const mailsBefore = smtp.received.length;
    const thief = await startRecovery('chloe@example.com', 'Someone hacked my account');
    await say(thief, 'URGENT, change my email right now, I need it immediately');
    const conversation = await recoveryConversation('URGENT');
    const agent = await openConsole();
    await agent.getByTestId('conversation-row').filter({ hasText: 'URGENT' }).click();

    // Candor offers the current address (the thief's) and the one replaced yesterday, both masked.
    let recovery = await recoveryCase(conversation.id);
    assert.equal(recovery.account?.externalId, 'u-1003');
    assert.deepEqual(
      recovery.contacts.map((c) => [c.masked, c.standing]).sort(),
      [
        ['c•••@evil.example', 'current'],
        ['c•••@example.com', 'recently_replaced'],
      ].sort(),
    );
    // The thief controls the current address: the code reaches them and they are verified with it.
    const current = recovery.contacts.find((c) => c.standing === 'current')!;
    const sent = await fetch(`${candor.url}/api/v1/conversations/${conversation.id}/recovery/codes`, {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: current.id, purpose: 'change_contact' }),
    });
    assert.equal(sent.status, 201);
    const mails = await smtp.waitFor(mailsBefore + 1);
    const toThief = mails.slice(mailsBefore).find((m) => m.to === THIEF_EMAIL)!;
    const root = thief.locator('#candor-widget');
    await root.getByRole('textbox', { name: 'Verification code' }).fill(codeIn(toThief.text));
    await root.getByRole('button', { name: 'Verify code' }).click();
    await until(
      'verified',
      () => recoveryCase(conversation.id),
      (r) => r.verifications.length > 0,
    );

    // The change of email: the agent asks, the server holds it for a second person.
    const asked = await fetch(`${candor.url}/api/v1/conversations/${conversation.id}/recovery/actions`, {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        action: 'change_contact',
        newContact: { channel: 'email', value: THIEF_NEXT_EMAIL },
      }),
    });
    const { action } = (await asked.json()) as { action: RecoveryActionView };
    assert.equal(action.status, 'awaiting_approval');

    // Takeover signals, for the agent and supervisors.
    recovery = await recoveryCase(conversation.id);
    const kinds = recovery.signals.map((s) => s.kind);
    assert.ok(kinds.includes('contact_recently_replaced'), kinds.join());
    assert.ok(kinds.includes('urgency_with_contact_change'), kinds.join());

    // The agent who asked cannot approve it; the supervisor can, and it then waits out the cooling-off.
    const selfApproval = await fetch(`${candor.url}/api/v1/recovery/actions/${action.id}/approve`, {
      method: 'POST',
      headers: { cookie: adminCookie, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.ok(selfApproval.status >= 400, 'no approving one’s own request');
    const { approvals } = (await (
      await fetch(`${candor.url}/api/v1/recovery/approvals`, { headers: { cookie: supervisorCookie } })
    ).json()) as RecoveryApprovalsResponse;
    assert.ok(approvals.some((a) => a.id === action.id));
    const approved = await fetch(`${candor.url}/api/v1/recovery/actions/${action.id}/approve`, {
      method: 'POST',
      headers: { cookie: supervisorCookie, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(approved.status, 200);
    const after = await until(
      'the cooling-off',
      () => recoveryCase(conversation.id),
      (r) => r.actions.some((a) => a.id === action.id && a.status === 'cooling_off'),
    );
    const held = after.actions.find((a) => a.id === action.id)!;
    assert.ok((held.coolingOffUntil ?? 0) > Date.now() + 23 * 60 * 60_000, 'about 24 hours');

    // The old address is told, and can stop it; the shop has been told nothing.
    const toOld = await until(
      'the mail to the old address',
      () => smtp.received.slice(mailsBefore),
      (ms) => ms.some((m) => m.to === 'chloe@example.com'),
    );
    assert.match(toOld.find((m) => m.to === 'chloe@example.com')!.text, /stop/i);
    assert.equal(shop.book.find('u-1003')?.email, THIEF_EMAIL, 'the shop changed nothing');
    assert.ok(!shop.activity.list().some((a) => /contact change/.test(a.text)));
  });
});
