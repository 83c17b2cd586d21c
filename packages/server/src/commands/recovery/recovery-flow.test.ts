/**
 * Recovery from the visitor's first frame to the host's webhook (issue 14), through the real frames and
 * routes: the owner locked out (a code, an unlock approved at once), and the thief's path (the email
 * replaced yesterday, urgency, a request to change the email: held for approval, signals raised, cooling
 * off, the owner's old address told and able to stop it).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RecoveryActionView, RecoveryDecisionEventData } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';
import {
  agentFrames,
  agentSocket,
  codeMailedTo,
  holdsCode,
  hostAccounts,
  readCase,
  restAs,
  sendCode,
  startRecovery,
  tryCode,
  type Api,
} from '../../testing/recovery-harness';

const DAY = 24 * 60 * 60_000;

describe('recovery, end to end on the server', () => {
  let server: TestServer;
  let admin: Api;
  let supervisor: Api;
  let agentWs: TestClient;
  let putAccount: Awaited<ReturnType<typeof hostAccounts>>;
  let offsetMs = 0;
  let webhookId: string;
  const codes: string[] = [];

  before(async () => {
    server = await startTestServer({ clock: () => Date.now() + offsetMs, webhooksAllowPrivate: true });
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    admin = restAs(server.url, cookie);
    putAccount = await hostAccounts(server.url, admin);
    agentWs = await agentSocket(server.wsUrl, cookie);
    const email = `sup-${randomUUID()}@example.test`;
    const res = await admin('/agents', {
      method: 'POST',
      body: JSON.stringify({ email, name: 'Sam', role: 'supervisor', password: 'a-password-for-tests' }),
    });
    assert.equal(res.status, 201);
    supervisor = restAs(server.url, await logIn(server.url, email, 'a-password-for-tests'));
    const hook = await admin('/webhooks', {
      method: 'POST',
      body: JSON.stringify({
        url: 'http://127.0.0.1:9/hooks',
        events: ['recovery.action.approved', 'recovery.action.refused'],
      }),
    });
    webhookId = ((await hook.json()) as { id: string }).id;
  });
  after(async () => {
    agentWs.close();
    await server.close();
  });

  const queuedFor = async (actionId: string) =>
    (await server.store.listDeliveries(webhookId, 100))
      .map((d) => JSON.parse(d.payload) as { type: string; data: RecoveryDecisionEventData })
      .filter((p) => p.data.actionId === actionId);
  const ask = async (api: Api, conversationId: string, body: object) => {
    const res = await api(`/conversations/${conversationId}/recovery/actions`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { action: RecoveryActionView }).action;
  };

  it('the owner: a code to the email on file, typed in the secure field, and the unlock goes to the host', async () => {
    const id = `user-${randomUUID()}`;
    const email = `${id}@example.com`;
    await putAccount(id, { email });
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversation } = await startRecovery(visitor, email);
    assert.equal((await sendCode(admin, conversation.id, { purpose: 'unlock' })).status, 201);
    await server.mail.settled();
    const code = await codeMailedTo(server.store, email);
    codes.push(code);
    assert.equal(await tryCode(visitor, conversation.id, code), 'verified');
    const action = await ask(admin, conversation.id, { action: 'unlock' });
    assert.equal(action.status, 'approved');
    const recovery = await readCase(admin, conversation.id);
    assert.deepEqual(
      recovery.actions.map((a) => [a.action, a.status]),
      [['unlock', 'approved']],
    );
    const [event] = await queuedFor(action.id);
    assert.equal(event?.type, 'recovery.action.approved');
    assert.equal(event?.data.account, id);
    assert.equal(event?.data.verification, 'code_current');
    visitor.close();
  });

  it('the thief: email replaced yesterday, urgency, a change of email held, signalled, cooled off, stopped by the owner', async () => {
    const id = `user-${randomUUID()}`;
    const owner = `owner-${randomUUID()}@example.com`;
    const thief = `thief-${randomUUID()}@example.net`;
    offsetMs = -60 * DAY;
    await putAccount(id, { email: owner });
    offsetMs = -DAY;
    await putAccount(id, { email: thief }); // the thief's first move, yesterday
    offsetMs = 0;
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversation } = await startRecovery(visitor, thief, {
      situation: 'hacked',
      details: 'Please change my email to this one right now, it is urgent!',
    });
    // The code goes to the current email: the thief's, who proves it.
    const current = (await readCase(admin, conversation.id)).contacts.find((c) => c.standing === 'current');
    assert.ok(current);
    const sent = await sendCode(admin, conversation.id, { contactId: current.id, purpose: 'change_contact' });
    assert.equal(sent.status, 201, await sent.clone().text());
    await server.mail.settled();
    const code = await codeMailedTo(server.store, thief);
    codes.push(code);
    assert.equal(await tryCode(visitor, conversation.id, code), 'verified');

    const asked = await ask(admin, conversation.id, {
      action: 'change_contact',
      newContact: { channel: 'email', value: `another-${randomUUID()}@example.net` },
    });
    assert.equal(asked.status, 'awaiting_approval', 'held for a second person');
    const recovery = await readCase(admin, conversation.id);
    assert.deepEqual(recovery.signals.map((s) => s.kind).sort(), [
      'contact_recently_replaced',
      'urgency_with_contact_change',
    ]);

    const approve = await supervisor(`/recovery/actions/${asked.id}/approve`, { method: 'POST', body: '{}' });
    assert.equal(approve.status, 200, await approve.clone().text());
    const { action } = (await approve.json()) as { action: RecoveryActionView };
    assert.equal(action.status, 'cooling_off');
    await server.mail.settled();
    const notices = (await server.store.listOutbox(100)).filter((m) => m.text.includes('/recovery/stop/'));
    const toOwner = notices.find((m) => m.to === owner);
    assert.ok(toOwner, 'the owner, at the address the thief replaced, is told');
    assert.ok(
      notices.some((m) => m.to === thief),
      'the current address too',
    );
    assert.deepEqual(await queuedFor(asked.id), [], 'nothing for the host while it cools off');

    const link = /\/recovery\/stop\/[A-Za-z0-9_-]+/.exec(toOwner.text)![0];
    const stopped = await fetch(`${server.url}${link}`, { method: 'POST' });
    assert.match(await stopped.text(), /Stopped\./);
    const after = await readCase(admin, conversation.id);
    assert.equal(after.actions[0]?.status, 'stopped_by_old_contact');
    const [event] = await queuedFor(asked.id);
    assert.equal(event?.type, 'recovery.action.refused');
    assert.equal(event?.data.reason, 'stopped_by_old_contact');
    assert.equal(event?.data.newContact, undefined, 'the new contact only goes to the host when approved');
    visitor.close();
  });

  it('no code reached an agent socket, and no full new contact either', async () => {
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(agentFrames.some((f) => f.includes('"recovery.changed"')));
    for (const code of codes) for (const frame of agentFrames) assert.ok(!holdsCode(frame, code), frame);
    assert.ok(!agentFrames.some((f) => f.includes('another-')), 'the new contact is never in a frame');
  });
});
