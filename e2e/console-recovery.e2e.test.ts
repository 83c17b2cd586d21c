/**
 * The console's side of account recovery (issue 14) in real Chromium, against a real server for sign-in,
 * the inbox and messages. The recovery routes are answered here (page.route) with the contract's shapes,
 * and the agent socket passes through a route that marks one conversation `recovery: true` and can add
 * frames, so the console is checked on its own: what it shows, what it sends, and that no field takes a
 * code's destination.
 */
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page, Route, WebSocketRoute } from 'playwright-core';
import type { AuditEntry, RecoveryActionView, RecoveryCase, RecoverySettings } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../packages/server/src/testing/test-server';
import { logIn, TestClient } from '../packages/server/src/testing/test-client';
import { browserSkipReason, launchBrowser } from './browser';
import { logInToConsole } from './chat-pages';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core on one part of the page (what this issue added), injected (the context bypasses the CSP). */
async function assertAccessible(page: Page, selector: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (within) => {
    type Result = { violations: { id: string; help: string; nodes: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe;
    return (await axe.run(within)).violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  }, selector);
  assert.deepEqual(violations, [], `axe on ${selector}`);
}
const at = (h: number, m: number) => Date.UTC(2026, 11, 3, h, m);

describe('recovery in the console', { skip }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let agent: Page;
  let meId = '';
  let recoveryId = '';
  let plainId = '';
  let socket: WebSocketRoute | null = null;
  const posted: { url: string; body: unknown }[] = [];
  let caseReads = 0;
  let recovery: RecoveryCase;

  /** Marks the recovery conversation wherever a conversation crosses the socket. */
  function mark(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(mark);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mark(v);
    if (out.id === recoveryId && 'visitorId' in out) out.recovery = true;
    return out;
  }

  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const remember = (route: Route) => {
    const req = route.request();
    posted.push({
      url: req.url(),
      body: req.postData() ? (JSON.parse(req.postData() ?? '') as unknown) : null,
    });
  };

  before(async () => {
    server = await startTestServer();
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    meId = (
      (await (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).json()) as {
        agent: { id: string };
      }
    ).agent.id;
    const ws = server.url.replace(/^http/, 'ws');
    for (const [name, text] of [
      ['recovery', 'I cannot get into my account'],
      ['plain', 'Where is my parcel?'],
    ] as const) {
      const { client } = await TestClient.hello(ws, 'visitor');
      const message = await client.sendMessage(null, text);
      if (name === 'recovery') recoveryId = message.conversationId;
      else plainId = message.conversationId;
      client.ws.close();
    }
    recovery = {
      conversationId: recoveryId,
      claimedAccount: 'camille@example.com',
      situation: 'locked_out',
      account: { externalId: 'acct-42', name: 'Camille M.' },
      contacts: [
        { id: 'ct-1', channel: 'email', masked: 'c•••@example.com', standing: 'current' },
        { id: 'ct-2', channel: 'email', masked: 'o•••@example.org', standing: 'recently_replaced' },
      ],
      codes: [],
      verifications: [],
      actions: [],
      signals: [{ kind: 'contact_recently_replaced', at: at(13, 0) }],
      createdAt: at(13, 55),
    };

    browser = await launchBrowser();
    // bypassCSP: axe-core is injected to check the new views; the console itself needs no such thing.
    context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', bypassCSP: true });
    agent = await context.newPage();
    await agent.routeWebSocket(/\/ws\/agent$/, (ws) => {
      socket = ws;
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => ws.send(typeof m === 'string' ? JSON.stringify(mark(JSON.parse(m))) : m));
      ws.onMessage((m) => {
        const frame = typeof m === 'string' ? (JSON.parse(m) as Record<string, unknown>) : null;
        // The server's rule (held when asking for a password) is another helper's: answered here.
        if (
          frame?.type === 'message.send' &&
          String(frame.body).includes('password') &&
          !frame.acknowledgeWarning
        ) {
          ws.send(
            JSON.stringify({
              type: 'error',
              ref: frame.ref,
              code: 'message_held',
              message: 'This asks for a password: support never does.',
            }),
          );
          return;
        }
        upstream.send(m);
      });
    });
    await agent.route(/\/api\/v1\/conversations\/[^/]+\/recovery$/, (route) => {
      caseReads++;
      return json(route, { recovery });
    });
    await agent.route(/\/recovery\/codes$/, (route) => {
      remember(route);
      return json(route, {
        code: {
          id: 'k1',
          purpose: 'unlock',
          channel: 'email',
          masked: 'c•••@example.com',
          standing: 'current',
          sentAt: at(14, 0),
          expiresAt: at(14, 10),
          status: 'pending',
        },
      });
    });
    await agent.route(/\/recovery\/actions$/, (route) => {
      remember(route);
      return json(route, { error: { code: 'not_verified', message: 'Not verified.' } }, 403);
    });
    await logInToConsole(agent, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const panel = () => agent.getByTestId('recovery-panel');

  it('shows the case beside a recovery conversation: account, masked contacts, the takeover warning, the banner', async () => {
    await agent.goto(`${server.url}/console/conversations/${recoveryId}`);
    await panel().getByTestId('recovery-contacts').waitFor();
    assert.equal(await panel().getByTestId('recovery-claimed').innerText(), 'camille@example.com');
    const row = agent.locator(`[data-testid=conversation-row][data-conversation-id="${recoveryId}"]`);
    assert.equal(await row.getByTestId('recovery-mark').innerText(), 'Account recovery');
    assert.equal(await panel().getByTestId('recovery-situation').innerText(), 'Locked out');
    assert.equal(await panel().getByTestId('recovery-account').innerText(), 'Camille M.');
    const contacts = await panel().getByTestId('recovery-contact').allInnerTexts();
    assert.match(contacts[0] ?? '', /c•••@example\.com \(current\)/);
    assert.match(contacts[1] ?? '', /o•••@example\.org \(replaced recently, needs approval\)/);
    assert.match(
      await panel().getByTestId('recovery-signals').innerText(),
      /replaced shortly before this request/,
    );
    assert.match(
      await panel().getByTestId('recovery-banner').innerText(),
      /Never ask for a password or a code/,
    );
    // No field in the panel takes an address: only selects and buttons until "Change contact" is opened.
    assert.equal(await panel().locator('input, textarea').count(), 0);
    await assertAccessible(agent, '.side-column');
  });

  it('sends a code to a contact on file by its id and purpose, and shows the proof when the case says so', async () => {
    await panel()
      .getByRole('combobox', { name: 'What the code sent to Email c•••@example.com is for' })
      .selectOption('unlock');
    await panel().getByRole('button', { name: 'Send a code to Email c•••@example.com for Unlock' }).click();
    await panel().getByText('Code sent to c•••@example.com.').waitFor();
    const sent = posted.find((p) => p.url.endsWith('/recovery/codes'));
    assert.deepEqual(sent?.body, { contactId: 'ct-1', purpose: 'unlock' });

    const reads = caseReads;
    recovery = {
      ...recovery,
      codes: [
        {
          id: 'k1',
          purpose: 'unlock',
          channel: 'email',
          masked: 'c•••@example.com',
          standing: 'current',
          sentAt: at(14, 0),
          expiresAt: at(14, 10),
          status: 'verified',
        },
      ],
      verifications: [
        {
          purpose: 'unlock',
          channel: 'email',
          masked: 'c•••@example.com',
          standing: 'current',
          at: at(14, 2),
        },
      ],
    };
    socket?.send(JSON.stringify({ type: 'recovery.changed', conversationId: recoveryId }));
    await panel().getByText('Verified by a code sent to c•••@example.com at 14:02').waitFor();
    assert.ok(caseReads > reads, 'read again on recovery.changed');
  });

  it('says "Verify the customer first" when the server refuses an action for want of a proof', async () => {
    await panel().getByRole('button', { name: 'Unlock', exact: true }).click();
    const error = panel().getByTestId('recovery-action-error');
    await error.waitFor();
    assert.match(await error.innerText(), /^Verify the customer first/);
    assert.deepEqual(posted.at(-1)?.body, { action: 'unlock' });
  });

  it('asks for a contact change with a checked new contact, and shows the actions’ status from the server', async () => {
    await panel().getByTestId('recovery-action-change_contact').click();
    await panel().getByLabel('New email address or phone number').fill('not an address');
    await panel().getByTestId('new-contact-submit').click();
    await panel().getByText('Enter an email address, like name@example.com.').waitFor();
    const before = posted.length;
    await panel().getByLabel('New email address or phone number').fill('camille.new@example.net');
    await panel().getByTestId('new-contact-submit').click();
    await panel().getByTestId('recovery-action-error').waitFor();
    assert.equal(posted.length, before + 1);
    await assertAccessible(agent, '.side-column');
    assert.deepEqual(posted.at(-1)?.body, {
      action: 'change_contact',
      newContact: { channel: 'email', value: 'camille.new@example.net' },
    });

    const action = (over: Partial<RecoveryActionView>): RecoveryActionView => ({
      id: 'x',
      action: 'unlock',
      status: 'approved',
      reason: null,
      requestedBy: { id: meId, name: 'Admin' },
      approvedBy: null,
      newContactMasked: null,
      coolingOffUntil: null,
      createdAt: at(14, 5),
      decidedAt: null,
      ...over,
    });
    recovery = {
      ...recovery,
      actions: [
        action({
          id: 'x1',
          action: 'change_contact',
          status: 'cooling_off',
          coolingOffUntil: Date.UTC(2026, 11, 4, 14, 6),
          newContactMasked: 'c•••@example.net',
        }),
        action({
          id: 'x2',
          action: 'reset_second_factor',
          status: 'awaiting_approval',
          createdAt: at(14, 6),
        }),
      ],
    };
    socket?.send(JSON.stringify({ type: 'recovery.changed', conversationId: recoveryId }));
    await panel().getByText('Reset second factor: awaiting approval by a supervisor').waitFor();
    assert.match(
      await panel().getByTestId('recovery-actions').innerText(),
      /Change contact: cooling off until 4 Dec, 14:06, unless the old contact stops it/,
    );
  });

  it('gives a support reference with its expiry', async () => {
    await agent.route(/\/api\/v1\/support-references$/, (route) => {
      remember(route);
      return json(route, {
        reference: 'CND-7K2Q-9XPA',
        issuedAt: at(14, 0),
        expiresAt: Date.UTC(2099, 0, 1, 12, 0),
      });
    });
    await agent.getByRole('button', { name: 'Give a support reference' }).click();
    assert.equal(await agent.getByTestId('reference-value').innerText(), 'CND-7K2Q-9XPA');
    assert.match(await agent.getByTestId('reference-expiry').innerText(), /^Valid until 1 Jan, 12:00\./);
    assert.deepEqual(posted.at(-1)?.body, { conversationId: recoveryId });
    await agent.route(/\/api\/v1\/support-references\/revoke$/, (route) => {
      remember(route);
      return route.fulfill({ status: 204 });
    });
    await agent.getByRole('button', { name: 'Withdraw this support reference' }).click();
    await agent.getByTestId('reference-revoked').waitFor();
    assert.match(await agent.getByTestId('reference-revoked').innerText(), /CND-7K2Q-9XPA withdrawn/);
    assert.equal(await agent.getByTestId('reference-value').count(), 0);
    assert.deepEqual(posted.at(-1)?.body, { reference: 'CND-7K2Q-9XPA' });
  });

  it('holds a reply that asks for a password: no "Send anyway" in a recovery conversation', async () => {
    await agent.getByTestId('reply-input').fill('What is your password?');
    await agent.getByTestId('reply-input').press('Enter');
    await agent.getByTestId('held-in-recovery').waitFor();
    assert.equal(await agent.getByTestId('send-anyway').count(), 0);
  });

  it('offers "Send anyway" elsewhere, which resends with acknowledgeWarning', async () => {
    await agent.goto(`${server.url}/console/conversations/${plainId}`);
    await agent.getByTestId('reply-input').fill('Never share your password with anyone.');
    await agent.getByTestId('reply-input').press('Enter');
    const held = agent.getByTestId('held-warning');
    await held.waitFor();
    assert.match(await held.innerText(), /Held back: This asks for a password: support never does\./);
    assert.equal(await agent.getByTestId('recovery-panel').count(), 0, 'no panel in an ordinary chat');
    await agent.getByTestId('send-anyway').click();
    await agent.getByTestId('message').filter({ hasText: 'Never share your password' }).waitFor();
  });

  it('raises a takeover signal to an admin with a badge and a notice that opens the conversation', async () => {
    socket?.send(JSON.stringify({ type: 'recovery.changed', conversationId: recoveryId, signal: true }));
    await agent.getByTestId('signal-badge').waitFor();
    assert.equal(await agent.getByTestId('signal-badge').innerText(), '1');
    await agent.getByRole('link', { name: 'Approvals, 1 new takeover signals' }).waitFor();
    await agent.getByTestId('signal-open').click();
    await panel().waitFor();
    assert.equal(await agent.getByTestId('signal-badge').count(), 0);
  });

  it('lists approvals, never offering a decision on one’s own request, and sends the note', async () => {
    const waiting = (id: string, requester: { id: string; name: string }) => ({
      id,
      conversationId: recoveryId,
      action: 'reset_second_factor',
      status: 'awaiting_approval',
      reason: null,
      requestedBy: requester,
      approvedBy: null,
      newContactMasked: null,
      coolingOffUntil: null,
      createdAt: at(14, 6),
      decidedAt: null,
    });
    await agent.route(/\/api\/v1\/recovery\/approvals$/, (route) =>
      json(route, {
        approvals: [
          waiting('mine', { id: meId, name: 'Admin' }),
          waiting('theirs', { id: 'a-sam', name: 'Sam' }),
        ],
      }),
    );
    await agent.route(/\/api\/v1\/recovery\/actions\/[^/]+\/(approve|refuse)$/, (route) => {
      remember(route);
      return json(route, {
        action: {
          ...waiting('theirs', { id: 'a-sam', name: 'Sam' }),
          status: 'approved',
          approvedBy: { id: meId, name: 'Admin' },
        },
      });
    });
    await agent.getByTestId('approvals-link').click();
    const items = agent.getByTestId('approval');
    await items.first().waitFor();
    assert.equal(await items.count(), 2);
    assert.equal(await items.nth(0).getByTestId('approve').count(), 0);
    await items.nth(0).getByTestId('own-request').waitFor();
    await assertAccessible(agent, 'main.approvals');
    await agent
      .getByLabel('Note on the Reset second factor request by Sam (optional)')
      .fill('Checked the case.');
    await agent.getByRole('button', { name: 'Approve the Reset second factor request by Sam' }).click();
    await agent.getByText('Approved.').waitFor();
    assert.match(posted.at(-1)?.url ?? '', /\/api\/v1\/recovery\/actions\/theirs\/approve$/);
    assert.deepEqual(posted.at(-1)?.body, { note: 'Checked the case.' });
    assert.equal(await items.count(), 1);
  });

  it('reads the audit trail, filtered by conversation', async () => {
    const urls: string[] = [];
    const entry: AuditEntry = {
      id: 'e1',
      at: at(14, 2),
      actor: { type: 'agent', id: meId, name: 'Admin' },
      action: 'recovery.code.sent',
      conversationId: recoveryId,
      accountId: 'acct-42',
      detail: { purpose: 'unlock', masked: 'c•••@example.com' },
    };
    await agent.route(/\/api\/v1\/audit\?/, (route) => {
      urls.push(route.request().url());
      return json(route, { entries: [entry], nextCursor: null });
    });
    await agent.getByTestId('audit-link').click();
    await agent.getByTestId('audit-entry').waitFor();
    assert.match(await agent.getByTestId('audit-entry').innerText(), /recovery code sent/);
    await agent.getByLabel('Conversation id').fill(recoveryId);
    await agent.getByTestId('audit-show').click();
    await agent.waitForURL(`**/console/audit/${recoveryId}`);
    await agent.getByTestId('audit-entry').waitFor();
    assert.ok(urls.some((u) => new URL(u).searchParams.get('conversationId') === recoveryId));
    await assertAccessible(agent, 'main.audit');
  });

  it('edits recovery settings: its own checks first, then the server’s field errors beside the field', async () => {
    const settings: RecoverySettings = {
      teamId: null,
      recentlyReplacedDays: 30,
      actions: {
        unlock: { approval: false, coolingOffHours: 0 },
        reset_second_factor: { approval: true, coolingOffHours: 0 },
        change_contact: { approval: true, coolingOffHours: 24 },
      },
    };
    await agent.route(/\/api\/v1\/recovery\/settings$/, (route) => {
      if (route.request().method() === 'GET') return json(route, settings);
      remember(route);
      return json(
        route,
        {
          error: { code: 'bad_frame', message: 'Invalid body at "actions.unlock.coolingOffHours": Too big.' },
        },
        400,
      );
    });
    await agent.getByTestId('admin-link').click();
    const section = agent.getByTestId('recovery-settings');
    await section.getByTestId('recovery-days').waitFor();
    const before = posted.length;
    await section.getByLabel('A replaced contact can receive a code for (days)').fill('120');
    await section.getByTestId('recovery-settings-save').click();
    await section.getByText('Enter a whole number of days from 1 to 90.').waitFor();
    assert.equal(posted.length, before, 'nothing sent');
    await section.getByLabel('A replaced contact can receive a code for (days)').fill('14');
    await section.getByLabel('Unlock: cooling-off period (hours)').fill('2');
    await section.getByTestId('recovery-settings-save').click();
    await section.getByText('Not saved: Invalid body').waitFor();
    const unlock = section.getByTestId('recovery-setting-unlock');
    assert.match(await unlock.locator('#recovery-cooling-unlock-error').innerText(), /Too big/);
    await assertAccessible(agent, '[data-testid=recovery-settings]');
    const body = posted.at(-1)?.body as RecoverySettings;
    assert.equal(body.recentlyReplacedDays, 14);
    assert.equal(body.actions.unlock.coolingOffHours, 2);
  });

  it('adds a supervisor, whose role the agents table shows and can change', async () => {
    await agent.getByTestId('agent-email').fill('sue@example.test');
    await agent.getByTestId('agent-name').fill('Sue');
    await agent.getByTestId('agent-role').selectOption('supervisor');
    await agent.getByTestId('agent-create').click();
    const role = agent.getByRole('combobox', { name: 'Role of Sue' });
    await role.waitFor();
    assert.equal(await role.inputValue(), 'supervisor');
  });

  it('fits a phone: the panel is reachable and nothing runs off the screen', async () => {
    await agent.setViewportSize({ width: 390, height: 844 });
    await agent.goto(`${server.url}/console/conversations/${recoveryId}`);
    // Folded on a phone, as the contact panel: the conversation keeps the room; one tap opens it.
    await panel().getByTestId('recovery-toggle').click();
    await panel().getByTestId('recovery-contacts').waitFor();
    await panel()
      .getByRole('button', { name: 'Send a code to Email c•••@example.com for Unlock' })
      .scrollIntoViewIfNeeded();
    const overflow = await agent.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px)`);
  });

  it('speaks French to a French browser', async () => {
    const fr = await (await browser.newContext({ locale: 'fr-FR', timezoneId: 'UTC' })).newPage();
    await fr.context().addCookies(await context.cookies());
    await fr.route(/\/api\/v1\/conversations\/[^/]+\/recovery$/, (route) => json(route, { recovery }));
    await fr.routeWebSocket(/\/ws\/agent$/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => ws.send(typeof m === 'string' ? JSON.stringify(mark(JSON.parse(m))) : m));
    });
    await fr.goto(`${server.url}/console/conversations/${recoveryId}`);
    await fr
      .getByRole('button', { name: 'Envoyer un code à E-mail c•••@example.com pour Débloquer' })
      .waitFor();
    await fr.getByText('Vérifié par un code envoyé à c•••@example.com à 14:02').waitFor();
    await fr.close();
  });
});
