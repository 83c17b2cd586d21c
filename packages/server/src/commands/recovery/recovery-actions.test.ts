/**
 * Recovery actions on a real server (issue 14): what each action needs, approvals by a second person,
 * cooling-off and the old contact's stop link, settings that cannot lower the floor, and what the host
 * (webhooks, verified with the official Standard Webhooks library) and the audit trail are told.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type {
  RecoveryActionView,
  RecoveryApprovalsResponse,
  RecoveryDecisionEventData,
  RecoverySettings,
} from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';
import { proveCode, recoveryCase, type RecoveryCaseFixture } from '../../testing/recovery-fixtures';
import { runCoolingOffTick, sendStopNotice } from './cooling-off';

const HOUR = 60 * 60_000;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function receiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('recovery actions', () => {
  let server: TestServer;
  let hook: Awaited<ReturnType<typeof receiver>>;
  let secret: string;
  let webhookId: string;
  let offsetMs = 0;
  const cookies: Record<'admin' | 'agent' | 'supervisor' | 'supervisor2', string> = {
    admin: '',
    agent: '',
    supervisor: '',
    supervisor2: '',
  };

  const call = (who: keyof typeof cookies, path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie: cookies[who], 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const ask = (who: keyof typeof cookies, c: RecoveryCaseFixture, body: object) =>
    call(who, `/conversations/${c.conversationId}/recovery/actions`, { method: 'POST', body });
  const decide = (who: keyof typeof cookies, id: string, how: 'approve' | 'refuse') =>
    call(who, `/recovery/actions/${id}/${how}`, { method: 'POST', body: {} });
  const actionOf = async (res: Response, status: number) => {
    assert.equal(res.status, status, await res.clone().text());
    return ((await res.json()) as { action: RecoveryActionView }).action;
  };
  /** The decision webhooks the receiver got about this action, verified. */
  const hooksFor = async (actionId: string, n: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const got = hook.received
        .map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>))
        .map((v) => v as { type: string; data: RecoveryDecisionEventData })
        .filter((v) => v.data.actionId === actionId);
      if (got.length >= n || Date.now() > deadline) return got;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  /** The decision webhooks queued about this action (the outbox, whatever the clock of the sender). */
  const queuedFor = async (actionId: string) =>
    (await server.store.listDeliveries(webhookId, 50))
      .map((d) => JSON.parse(d.payload) as { type: string; data: RecoveryDecisionEventData })
      .filter((p) => p.data.actionId === actionId);
  const audit = async (conversationId: string) =>
    (await server.store.listAudit({ conversationId, limit: 100 })).map((e) => e.action).reverse();

  before(async () => {
    server = await startTestServer({ webhooksAllowPrivate: true, clock: () => Date.now() + offsetMs });
    cookies.admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    for (const [who, role] of [
      ['agent', 'agent'],
      ['supervisor', 'supervisor'],
      ['supervisor2', 'supervisor'],
    ] as const) {
      const email = `${who}-${randomUUID()}@example.test`;
      const res = await call('admin', '/agents', {
        method: 'POST',
        body: { email, name: who, role, password: 'a-password-for-tests' },
      });
      assert.equal(res.status, 201, await res.clone().text());
      cookies[who] = await logIn(server.url, email, 'a-password-for-tests');
    }
    hook = await receiver();
    const res = await call('admin', '/webhooks', {
      method: 'POST',
      body: { url: hook.url, events: ['recovery.action.approved', 'recovery.action.refused'] },
    });
    ({ secret, id: webhookId } = (await res.json()) as { secret: string; id: string });
  });
  after(async () => {
    await hook.close();
    await server.close();
  });

  it('unlocks at once with a code to a current contact; the host is told, signed, and the audit says so', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'unlock');
    const action = await actionOf(await ask('agent', c, { action: 'unlock' }), 201);
    assert.equal(action.status, 'approved');
    assert.equal(action.requestedBy.name, 'agent');
    const [event] = await hooksFor(action.id, 1);
    assert.equal(event?.type, 'recovery.action.approved');
    assert.deepEqual(
      { ...event?.data, decidedAt: 0, requestedBy: { ...event?.data.requestedBy, id: '' } },
      {
        actionId: action.id,
        account: c.accountId,
        action: 'unlock',
        conversationId: c.conversationId,
        verification: 'code_current',
        requestedBy: { id: '', name: 'agent' },
        approvedBy: null,
        decidedAt: 0,
      },
    );
    assert.deepEqual(await audit(c.conversationId), [
      'recovery.action.requested',
      'recovery.action.approved',
    ]);
  });

  it('refuses an action the visitor has not proven (403 not_verified), and still audits it and tells the host', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'unlock'); // a proof for another purpose proves nothing here
    const res = await ask('agent', c, { action: 'reset_second_factor' });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_verified');
    const [stored] = await server.store.listRecoveryActions(c.conversationId);
    assert.equal(stored?.reason, 'not_verified');
    const [event] = await hooksFor(stored.id, 1);
    assert.equal(event?.type, 'recovery.action.refused');
    assert.equal(event?.data.reason, 'not_verified');
    assert.equal(event?.data.verification, 'none');
    assert.deepEqual(await audit(c.conversationId), ['recovery.action.requested', 'recovery.action.refused']);
  });

  it('refuses any action when no account on file matched, and audits it without an account', async () => {
    const c = await recoveryCase(server.store);
    const none = { ...c, conversationId: randomUUID() };
    await server.store.createRecoveryCase({
      conversationId: none.conversationId,
      inboxId: 'default',
      visitorId: c.visitorId,
      claimedAccount: 'nobody@example.com',
      situation: 'locked_out',
      accountId: null,
      identitySub: null,
      createdAt: Date.now(),
    });
    await server.store.startConversation(
      { id: none.conversationId, inboxId: 'default', visitorId: c.visitorId },
      {
        authorType: 'visitor',
        authorId: c.visitorId,
        body: 'Help',
        clientKey: randomUUID(),
        now: Date.now(),
      },
    );
    const res = await ask('agent', none, { action: 'unlock' });
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not_verified');
    const [entry] = await server.store.listAudit({ conversationId: none.conversationId, limit: 10 });
    assert.equal(entry?.action, 'recovery.action.refused');
    assert.equal(entry?.accountExternalId, null);
    const payloads = (await server.store.listDeliveries(webhookId, 100)).map((d) => d.payload);
    assert.ok(!payloads.some((p) => p.includes(none.conversationId)), 'nothing for the host');
  });

  it('a second-factor reset waits for a supervisor: never the requester, never a plain agent', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'reset_second_factor');
    const action = await actionOf(await ask('supervisor', c, { action: 'reset_second_factor' }), 201);
    assert.equal(action.status, 'awaiting_approval');
    const listed = (await (
      await call('supervisor2', '/recovery/approvals')
    ).json()) as RecoveryApprovalsResponse;
    assert.ok(listed.approvals.some((a) => a.id === action.id && a.conversationId === c.conversationId));
    assert.equal((await call('agent', '/recovery/approvals')).status, 403);
    assert.equal((await decide('supervisor', action.id, 'approve')).status, 403, 'self-approval');
    assert.equal((await decide('agent', action.id, 'approve')).status, 403, 'a plain agent');
    assert.equal((await decide('agent', action.id, 'refuse')).status, 403, 'a plain agent');
    const approved = await actionOf(await decide('supervisor2', action.id, 'approve'), 200);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.approvedBy?.name, 'supervisor2');
    const [event] = await hooksFor(action.id, 1);
    assert.equal(event?.data.approvedBy?.name, 'supervisor2');
    assert.equal((await decide('supervisor2', action.id, 'approve')).status, 409, 'decided already');
    const trail = await server.store.listAudit({ conversationId: c.conversationId, limit: 100 });
    assert.deepEqual(
      trail
        .filter((e) => e.action === 'recovery.action.approval_denied')
        .map((e) => e.detail.reason)
        .sort(),
      ['approver_not_allowed', 'approver_not_allowed', 'self_approval'],
    );
  });

  it('a code that only reached a recently replaced contact needs approval, even to unlock', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'unlock', { standing: 'recently_replaced' });
    const action = await actionOf(await ask('agent', c, { action: 'unlock' }), 201);
    assert.equal(action.status, 'awaiting_approval');
    const refused = await actionOf(await decide('supervisor', action.id, 'refuse'), 200);
    assert.equal(refused.status, 'refused');
    assert.equal(refused.reason, 'refused_by_approver');
    const [event] = await hooksFor(action.id, 1);
    assert.equal(event?.type, 'recovery.action.refused');
    assert.equal(event?.data.verification, 'code_recently_replaced');
  });

  it('of two approvals at once, one wins and the other is told it was decided', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'reset_second_factor');
    const action = await actionOf(await ask('agent', c, { action: 'reset_second_factor' }), 201);
    const answers = await Promise.all([
      decide('supervisor', action.id, 'approve'),
      decide('supervisor2', action.id, 'approve'),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
    assert.equal((await queuedFor(action.id)).length, 1, 'one decision, one webhook');
  });

  it('a contact change is approved, cools off a day while the old email may stop it, then goes ahead', async () => {
    const c = await recoveryCase(server.store, { email: 'old-owner@example.com' });
    await proveCode(server.store, c, 'change_contact');
    const asked = await actionOf(
      await ask('agent', c, {
        action: 'change_contact',
        newContact: { channel: 'email', value: 'New.Address@Example.org' },
      }),
      201,
    );
    assert.equal(asked.status, 'awaiting_approval');
    assert.equal(asked.newContactMasked, 'n•••@example.org');
    const approved = await actionOf(await decide('supervisor', asked.id, 'approve'), 200);
    assert.equal(approved.status, 'cooling_off');
    const until = approved.coolingOffUntil!;
    assert.ok(until - Date.now() > 23 * HOUR && until - Date.now() <= 24 * HOUR);
    await server.mail.settled();
    const notice = (await server.store.listOutbox(20)).find((m) => m.to === 'old-owner@example.com');
    assert.ok(notice, 'the old email is told');
    assert.match(notice.text, /change the contact details/);
    assert.match(notice.text, /changer les coordonnées/);
    assert.ok(!notice.text.includes('new.address'), 'the notice never shows the new contact');
    assert.match(notice.text, /\/recovery\/stop\/[A-Za-z0-9_-]{43}/);

    assert.equal(await runCoolingOffTick({ ...server.ctx, now: () => until - 1 }), 0, 'not yet');
    assert.equal(await runCoolingOffTick({ ...server.ctx, now: () => until + 1 }), 1);
    // Queued at the tick's (future) time: read from the outbox rather than waited for.
    const [event] = await queuedFor(asked.id);
    assert.equal(event?.type, 'recovery.action.approved');
    assert.deepEqual(event?.data.newContact, { channel: 'email', value: 'new.address@example.org' });
    assert.equal(event?.data.approvedBy?.name, 'supervisor');
    const views = (await server.store.listRecoveryActions(c.conversationId)).map((a) => a.status);
    assert.deepEqual(views, ['approved']);
    // The link cannot stop what went ahead.
    const link = /\/recovery\/stop\/[A-Za-z0-9_-]+/.exec(notice.text)![0];
    const late = await fetch(`${server.url}${link}`, { method: 'POST' });
    assert.match(await late.text(), /can no longer be stopped/);
  });

  it('the old contact stops a contact change with the link: once, for good, and the host is told', async () => {
    const c = await recoveryCase(server.store, { email: 'stopper@example.com' });
    await proveCode(server.store, c, 'change_contact');
    const asked = await actionOf(
      await ask('agent', c, {
        action: 'change_contact',
        newContact: { channel: 'phone', value: '+33 6 11 22 33 44' },
      }),
      201,
    );
    const approved = await actionOf(await decide('supervisor', asked.id, 'approve'), 200);
    await server.mail.settled();
    const notice = (await server.store.listOutbox(50)).find((m) => m.to === 'stopper@example.com');
    const link = /\/recovery\/stop\/[A-Za-z0-9_-]+/.exec(notice!.text)![0];

    const page = await fetch(`${server.url}${link}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<form method="post">/);
    assert.match(html, /Stop this change/);
    assert.match(html, /Arrêter ce changement/);
    assert.ok(!/<script/i.test(html), 'no script needed');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(
      (await server.store.findRecoveryAction(asked.id))?.status,
      'cooling_off',
      'opening changes nothing',
    );

    const stopped = await fetch(`${server.url}${link}`, { method: 'POST' });
    assert.match(await stopped.text(), /Stopped\./);
    const again = await fetch(`${server.url}${link}`, { method: 'POST' });
    assert.match(await again.text(), /already stopped/);
    assert.equal((await server.store.findRecoveryAction(asked.id))?.status, 'stopped_by_old_contact');
    assert.equal(await runCoolingOffTick({ ...server.ctx, now: () => approved.coolingOffUntil! + 1 }), 0);
    const events = await queuedFor(asked.id);
    assert.deepEqual(
      events.map((e) => [e.type, e.data.reason, e.data.newContact]),
      [['recovery.action.refused', 'stopped_by_old_contact', undefined]],
    );
    assert.ok((await audit(c.conversationId)).includes('recovery.action.stopped'));
    assert.equal((await fetch(`${server.url}/recovery/stop/${'x'.repeat(43)}`)).status, 404);
  });

  it('a phone change is told to the old phone by text, with the same stop link as the email', async () => {
    const c = await recoveryCase(server.store, { email: 'texted@example.com', phone: '+33 6 12 34 56 78' });
    await proveCode(server.store, c, 'change_contact');
    const asked = await actionOf(
      await ask('agent', c, {
        action: 'change_contact',
        newContact: { channel: 'phone', value: '+33 7 99 88 77 66' },
      }),
      201,
    );
    await actionOf(await decide('supervisor', asked.id, 'approve'), 200);
    await server.mail.settled();
    const outbox = await server.store.listOutbox(100);
    const text = outbox.find((m) => m.channel === 'sms' && m.to.replace(/\D/g, '').endsWith('345678'));
    assert.ok(text, 'the phone on file is told by text');
    assert.match(text.text, /change the contact details/);
    assert.match(text.text, /Support never asks for a code/);
    assert.ok(!text.text.includes('99 88'), 'never the new number');
    const mail = outbox.find((m) => m.to === 'texted@example.com');
    const link = (t: string) => /\/recovery\/stop\/[A-Za-z0-9_-]{43}/.exec(t)?.[0];
    assert.ok(link(text.text));
    assert.equal(link(text.text), link(mail!.text), 'one link for both');
  });

  it('a stop notice that cannot be texted is audited, and the approval stands', async () => {
    const c = await recoveryCase(server.store, { phone: '+44 7700 900123' });
    await proveCode(server.store, c, 'change_contact');
    const asked = await actionOf(
      await ask('agent', c, {
        action: 'change_contact',
        newContact: { channel: 'email', value: 'elsewhere@example.org' },
      }),
      201,
    );
    const down = { send: () => Promise.reject(new Error('provider down')), close: () => Promise.resolve() };
    const action = (await server.store.findRecoveryAction(asked.id))!;
    await sendStopNotice(
      { ...server.ctx, sms: down },
      { ...action, coolingOffUntil: Date.now() + HOUR },
      't',
    );
    const failed = (await server.store.listAudit({ conversationId: c.conversationId, limit: 50 })).find(
      (e) => e.action === 'recovery.stop_notice.not_sent',
    );
    assert.equal(failed?.detail.masked, '+44 •• •• •• 23');
    assert.equal(failed?.detail.actionId, asked.id);
  });

  it('an approval given after the proof went stale refuses the action: a new code is needed', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'reset_second_factor');
    const action = await actionOf(await ask('agent', c, { action: 'reset_second_factor' }), 201);
    offsetMs = 2 * HOUR;
    try {
      const late = await actionOf(await decide('supervisor', action.id, 'approve'), 200);
      assert.equal(late.status, 'refused');
      assert.equal(late.reason, 'verification_expired');
      const [event] = await queuedFor(action.id);
      assert.equal(event?.type, 'recovery.action.refused');
      assert.equal(event?.data.reason, 'verification_expired');
    } finally {
      offsetMs = 0;
    }
  });

  it('asks for the right shape: a contact change names the new contact, others do not; only recovery chats', async () => {
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'change_contact');
    assert.equal((await ask('agent', c, { action: 'change_contact' })).status, 400);
    const typed = { action: 'change_contact', newContact: { channel: 'email', value: 'not an email' } };
    assert.equal((await ask('agent', c, typed)).status, 400);
    const extra = { action: 'unlock', newContact: { channel: 'email', value: 'a@example.com' } };
    assert.equal((await ask('agent', c, extra)).status, 400);
    assert.deepEqual(await server.store.listRecoveryActions(c.conversationId), [], 'nothing recorded');
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    try {
      const message = await client.sendMessage(null, 'An ordinary question');
      const ordinary = await call('agent', `/conversations/${message.conversationId}/recovery/actions`, {
        method: 'POST',
        body: { action: 'unlock' },
      });
      assert.equal(ordinary.status, 404);
    } finally {
      client.close();
    }
  });

  it('settings: admins only, a team that exists, and a hostile body cannot lower the floor', async () => {
    assert.equal((await call('supervisor', '/recovery/settings')).status, 403);
    assert.equal(
      (await call('admin', '/recovery/settings', { method: 'PUT', body: { teamId: 'no-such-team' } })).status,
      400,
    );
    const put = await call('admin', '/recovery/settings', {
      method: 'PUT',
      body: {
        recentlyReplacedDays: 7,
        actions: {
          unlock: { approval: true, coolingOffHours: 0 },
          reset_second_factor: { approval: false, coolingOffHours: 0 },
          change_contact: { approval: false, coolingOffHours: 0 },
        },
      },
    });
    assert.equal(put.status, 200, await put.clone().text());
    const { settings } = (await (await call('admin', '/recovery/settings')).json()) as {
      settings: RecoverySettings;
    };
    assert.equal(settings.recentlyReplacedDays, 7);
    assert.deepEqual(settings.actions, {
      unlock: { approval: true, coolingOffHours: 0 },
      reset_second_factor: { approval: true, coolingOffHours: 0 },
      change_contact: { approval: true, coolingOffHours: 24 },
    });
    // Stricter, as set: an unlock now waits for a supervisor even with a current code.
    const c = await recoveryCase(server.store);
    await proveCode(server.store, c, 'unlock');
    assert.equal(
      (await actionOf(await ask('agent', c, { action: 'unlock' }), 201)).status,
      'awaiting_approval',
    );
    const restore = await call('admin', '/recovery/settings', {
      method: 'PUT',
      body: { actions: { ...settings.actions, unlock: { approval: false, coolingOffHours: 0 } } },
    });
    assert.equal(restore.status, 200);
  });

  it('tells the agents of the inbox, and raises a takeover signal once: a signed identity that is not the account', async () => {
    const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie: cookies.supervisor });
    try {
      client.send({ type: 'inbox.subscribe' });
      await client.next('inbox.snapshot');
      const c = await recoveryCase(server.store, {
        identitySub: 'someone-else',
        firstMessage: 'Please change my email right now, it is urgent!',
      });
      await proveCode(server.store, c, 'change_contact');
      const res = await ask('agent', c, {
        action: 'change_contact',
        newContact: { channel: 'email', value: 'x@example.net' },
      });
      assert.equal(res.status, 201, await res.clone().text());
      const signal = await client.waitFor(
        (f): f is Extract<typeof f, { type: 'recovery.changed' }> =>
          f.type === 'recovery.changed' && f.conversationId === c.conversationId && f.signal === true,
      );
      assert.equal(signal.signal, true);
      const kinds = (await server.store.listRecoverySignals(c.conversationId)).map((s) => s.kind).sort();
      assert.deepEqual(kinds, ['identity_mismatch', 'urgency_with_contact_change']);
      const trail = await audit(c.conversationId);
      assert.equal(trail.filter((a) => a === 'recovery.signal').length, 2);
    } finally {
      client.close();
    }
  });
});
