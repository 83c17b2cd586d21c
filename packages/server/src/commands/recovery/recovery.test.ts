/**
 * The recovery conversation on a real server (issue 14): a start that says nothing about whether the
 * account exists (same frames, same store work), codes sent only to contacts on file and proven in
 * the secure field, their limits (5 tries, 3 sends an hour, 10 failures a day), expiry on a moved
 * clock, races, the case and the audit trail; and, over every frame agent sockets received, no code.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CODE_LIMITS } from '../../domain/recovery/recovery-code';
import { randomUUID } from 'node:crypto';
import type { AuditEntry, ServerFrame } from '@candor/protocol';
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

const sentCodes: string[] = [];

describe('the recovery conversation', () => {
  let server: TestServer;
  let admin: Api;
  let agent: TestClient;
  let putAccount: Awaited<ReturnType<typeof hostAccounts>>;
  let offsetMs = 0;

  before(async () => {
    server = await startTestServer({ clock: () => Date.now() + offsetMs });
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    admin = restAs(server.url, cookie);
    putAccount = await hostAccounts(server.url, admin);
    agent = await agentSocket(server.wsUrl, cookie);
  });
  after(async () => {
    agent.close();
    await server.close();
  });

  /** A fresh account on file with its own email (and a phone), and a visitor who named it. */
  async function openCase(opts: { phone?: boolean } = {}) {
    const id = `user-${randomUUID()}`;
    const email = `${id}@example.com`;
    await putAccount(id, { email, ...(opts.phone ? { phone: '+33 6 12 34 56 78' } : {}) });
    const { client: visitor, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversation } = await startRecovery(visitor, email.toUpperCase());
    return { id, email, visitor, conversationId: conversation.id, token: welcome.visitor?.token ?? '' };
  }

  async function mailedCode(conversationId: string, email: string, purpose = 'unlock') {
    const res = await sendCode(admin, conversationId, { purpose });
    assert.equal(res.status, 201, await res.clone().text());
    await server.mail.settled();
    const code = await codeMailedTo(server.store, email);
    sentCodes.push(code);
    return code;
  }

  it('answers a start the same way, frame for frame and statement for statement, account or not', async () => {
    const id = `user-${randomUUID()}`;
    await putAccount(id, { email: `${id}@example.com` });
    const run = async (account: string) => {
      const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
      const calls = recordStoreCalls(server);
      await startRecovery(client, account, { details: 'Locked out since this morning' });
      await new Promise((r) => setTimeout(r, 300)); // frames still on their way
      calls.stop();
      const frames = client.frames.map((f) => JSON.stringify(f));
      client.close();
      return { frames: normalise(frames, welcome.visitor?.id ?? ''), calls: calls.names };
    };
    const known = await run(`${id}@example.com`);
    const unknown = await run(`nobody-${randomUUID()}@example.com`);
    assert.deepEqual(unknown.frames, known.frames);
    assert.deepEqual(unknown.calls, known.calls);
    assert.ok(known.calls.includes('createRecoveryCase'), JSON.stringify(known.calls));
  });

  it('marks the conversation recovery for the visitor and agents, and opens a new one each time', async () => {
    const { visitor, conversationId } = await openCase();
    const again = await startRecovery(visitor, 'someone-else');
    assert.notEqual(again.conversation.id, conversationId);
    assert.equal(again.conversation.recovery, true);
    const listed = (await (await admin(`/conversations/${conversationId}`)).json()) as {
      conversation: { recovery?: boolean };
    };
    assert.equal(listed.conversation.recovery, true);
    const first = await visitor.sendMessage(conversationId, 'hello?');
    assert.equal(first.conversationId, conversationId);
    // The visitor's words go through the send path: secrets in them are masked like in any message.
    const withCard = await startRecovery(visitor, 'someone', { details: 'My card is 4242 4242 4242 4242' });
    const opening = (await (await admin(`/conversations/${withCard.conversation.id}/messages`)).json()) as {
      messages: { body: string; author: { type: string } }[];
    };
    assert.equal(opening.messages[0]?.author.type, 'visitor');
    assert.ok(!opening.messages[0]?.body.includes('4242 4242 4242 4242'), opening.messages[0]?.body);
    // Only visitors start one.
    const refused = await agent.request({
      type: 'recovery.start',
      account: 'x',
      situation: 'other',
      clientKey: randomUUID(),
    });
    assert.equal(refused.type === 'error' && refused.code, 'forbidden');
    visitor.close();
  });

  it('sends a code to a contact on file only, and the right code verifies', async () => {
    const { email, visitor, conversationId } = await openCase();
    const before = await readCase(admin, conversationId);
    assert.deepEqual(
      before.contacts.map((c) => [c.channel, c.masked, c.standing]),
      [['email', 'u•••@example.com', 'current']],
    );
    assert.ok(!JSON.stringify(before).includes(email), 'agents never see the full address');
    const bogus = await admin(`/conversations/${conversationId}/recovery/codes`, {
      method: 'POST',
      body: JSON.stringify({ contactId: 'thief@example.net', purpose: 'unlock' }),
    });
    assert.equal(bogus.status, 404);
    const code = await mailedCode(conversationId, email);
    const mail = (await server.store.listOutbox(10)).find((m) => m.to === email);
    assert.match(mail?.text ?? '', /secure code field/);
    assert.match(mail?.text ?? '', /never ask you for this code/);
    const status = await visitor.next('recovery.status');
    assert.ok(status.state.codeRequestedAt !== null && status.state.verifiedAt === null);
    assert.equal(await tryCode(visitor, conversationId, `${code.slice(0, 3)} ${code.slice(3)}`), 'verified');
    const proven = await visitor.next('recovery.status');
    assert.ok(proven.state.verifiedAt !== null);
    const after = await readCase(admin, conversationId);
    assert.deepEqual(
      after.verifications.map((v) => [v.purpose, v.masked, v.standing]),
      [['unlock', 'u•••@example.com', 'current']],
    );
    assert.equal(after.codes[0]?.status, 'verified');
    // Single use.
    assert.equal(await tryCode(visitor, conversationId, code), 'expired');
    // Never a message: the transcript does not hold it.
    const page = (await (await admin(`/conversations/${conversationId}/messages`)).json()) as {
      messages: { body: string }[];
    };
    assert.ok(page.messages.every((m) => !holdsCode(m.body, code)));
    visitor.close();
  });

  it('says wrong to a wrong code, to a code with none sent, and to a case with no account', async () => {
    const { visitor, conversationId } = await openCase();
    assert.equal(await tryCode(visitor, conversationId, '123456'), 'wrong');
    const { conversation } = await startRecovery(visitor, `nobody-${randomUUID()}`);
    assert.equal(await tryCode(visitor, conversation.id, '123456'), 'wrong');
    assert.deepEqual((await readCase(admin, conversation.id)).contacts, []);
    const refused = await admin(`/conversations/${conversation.id}/recovery/codes`, {
      method: 'POST',
      body: JSON.stringify({ contactId: 'x', purpose: 'unlock' }),
    });
    assert.equal(refused.status, 404);
    // Another visitor cannot try codes in it.
    const { client: other } = await TestClient.hello(server.wsUrl, 'visitor');
    other.send({ type: 'recovery.code', ref: 'r1', conversationId, code: '123456' });
    const error = await other.next('error');
    assert.equal(error.code, 'not_found');
    other.close();
    visitor.close();
  });

  it('finds the account by a recently replaced email, and proves it with that standing', async () => {
    const id = `user-${randomUUID()}`;
    const old = `${id}@example.com`;
    await putAccount(id, { email: old, name: 'Élodie' });
    await putAccount(id, { email: `thief-${id}@example.net` });
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversation } = await startRecovery(visitor, old);
    const recovery = await readCase(admin, conversation.id);
    assert.deepEqual(recovery.account, { externalId: id, name: 'Élodie' });
    assert.deepEqual(
      recovery.contacts.map((c) => [c.masked, c.standing]),
      [
        ['t•••@example.net', 'current'],
        ['u•••@example.com', 'recently_replaced'],
      ],
    );
    const oldContact = recovery.contacts.find((c) => c.standing === 'recently_replaced');
    const res = await sendCode(admin, conversation.id, { contactId: oldContact?.id ?? '' });
    assert.equal(res.status, 201);
    await server.mail.settled();
    const code = await codeMailedTo(server.store, old);
    sentCodes.push(code);
    assert.equal(await tryCode(visitor, conversation.id, code), 'verified');
    const proofs = await server.store.listVerifications(conversation.id);
    assert.deepEqual(
      proofs.map((p) => [p.standing, p.accountId]),
      [['recently_replaced', id]],
    );
    visitor.close();
  });

  it('refuses a code once expired (a moved clock)', async () => {
    const { email, visitor, conversationId } = await openCase();
    const code = await mailedCode(conversationId, email);
    offsetMs += 11 * 60_000;
    try {
      assert.equal(await tryCode(visitor, conversationId, code), 'expired');
      assert.equal((await readCase(admin, conversationId)).codes[0]?.status, 'expired');
    } finally {
      offsetMs -= 11 * 60_000;
    }
    visitor.close();
  });

  it('refuses a code of another conversation without counting it there, and binds the purpose', async () => {
    const a = await openCase();
    const codeA = await mailedCode(a.conversationId, a.email, 'reset_second_factor');
    const b = await openCase();
    await mailedCode(b.conversationId, b.email);
    assert.equal(await tryCode(b.visitor, b.conversationId, codeA), 'wrong');
    const store = server.store;
    assert.equal((await store.listRecoveryCodes(a.conversationId))[0]?.tries, 0);
    assert.equal(await tryCode(a.visitor, a.conversationId, codeA), 'verified');
    const proofs = await store.listVerifications(a.conversationId);
    assert.deepEqual(
      proofs.map((p) => p.purpose),
      ['reset_second_factor'],
    );
    a.visitor.close();
    b.visitor.close();
  });

  it('verifies once when two tabs type the right code at once, counting no failure', async () => {
    const { email, visitor, conversationId, token, id } = await openCase();
    const code = await mailedCode(conversationId, email);
    // Two more tabs of the same visitor (each hello hands the next tab a fresh token).
    const second = await TestClient.hello(server.wsUrl, 'visitor', { visitorToken: token });
    const third = await TestClient.hello(server.wsUrl, 'visitor', {
      visitorToken: second.welcome.visitor?.token ?? '',
    });
    const tabs = [visitor, second.client, third.client];
    const outcomes = await Promise.all(tabs.map((t) => tryCode(t, conversationId, code)));
    second.client.close();
    third.client.close();
    assert.deepEqual(
      outcomes.filter((o) => o === 'verified'),
      ['verified'],
    );
    assert.equal((await server.store.listVerifications(conversationId)).length, 1);
    // The right digits are no failure, whichever tab lost the race: the account's daily budget is whole.
    const failures = await server.store.readLimit(CODE_LIMITS.failures.key(id));
    assert.equal(failures?.hits ?? 0, 0);
    visitor.close();
  });

  it('takes at most 5 tries per code', async () => {
    const { email, visitor, conversationId } = await openCase();
    const code = await mailedCode(conversationId, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) assert.equal(await tryCode(visitor, conversationId, wrong), 'wrong');
    assert.equal(await tryCode(visitor, conversationId, code), 'too_many_tries');
    assert.equal((await readCase(admin, conversationId)).codes[0]?.status, 'used_up');
    visitor.close();
  });

  it('sends at most 3 codes an hour to one account (429 with Retry-After)', async () => {
    const { email, visitor, conversationId } = await openCase();
    for (let i = 0; i < 3; i++) await mailedCode(conversationId, email);
    const refused = await sendCode(admin, conversationId);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    visitor.close();
  });

  it('stops evaluating after 10 failures a day on one account, even with the right code', async () => {
    const { email, visitor, conversationId, id } = await openCase();
    for (let round = 0; round < 2; round++) {
      const code = await mailedCode(conversationId, email);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) assert.equal(await tryCode(visitor, conversationId, wrong), 'wrong');
    }
    const last = await mailedCode(conversationId, email);
    assert.equal(await tryCode(visitor, conversationId, last), 'too_many_tries');
    assert.equal(await server.store.countCodeTries(id), 10);
    visitor.close();
  });

  it("stops answering a conversation's tries after 30 in an hour, and stops auditing them", async () => {
    const { visitor, conversationId } = await openCase();
    // No code was sent: every try is refused unevaluated, but each is audited, until the cap.
    for (let i = 0; i < 30; i++)
      assert.notEqual(await tryCode(visitor, conversationId, '123456'), 'too_many_tries');
    assert.equal(await tryCode(visitor, conversationId, '123456'), 'too_many_tries');
    const audited = await server.store.listAudit({ conversationId, limit: 100 });
    assert.equal(audited.filter((e) => e.action === 'recovery.code.tried').length, 30);
    visitor.close();
  });

  it('sends a code to a phone on file through the development outbox when no SMS provider is set up', async () => {
    const { visitor, conversationId } = await openCase({ phone: true });
    const phone = (await readCase(admin, conversationId)).contacts.find((c) => c.channel === 'phone');
    assert.equal(phone?.masked, '+33 •• •• •• 78');
    const res = await sendCode(admin, conversationId, { channel: 'phone' });
    assert.equal(res.status, 201);
    const { mails } = (await (await admin('/outbox?limit=200')).json()) as {
      mails: { to: string; text: string; channel?: string }[];
    };
    const text = mails.find((m) => m.channel === 'sms' && m.to.replace(/\D/g, '').endsWith('78'));
    assert.ok(text, 'the text is in the outbox, addressed to the phone on file');
    assert.match(text.text, /\d{6}/);
    visitor.close();
  });

  it('tells a returning visitor the state of their open recovery conversation', async () => {
    const { client, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const id = `user-${randomUUID()}`;
    await putAccount(id, { email: `${id}@example.com` });
    const { conversation } = await startRecovery(client, `${id}@example.com`);
    await mailedCode(conversation.id, `${id}@example.com`);
    client.close();
    const back = await TestClient.hello(server.wsUrl, 'visitor', {
      visitorToken: welcome.visitor?.token ?? '',
    });
    const status = await back.client.next('recovery.status');
    assert.equal(status.conversationId, conversation.id);
    assert.ok(status.state.codeRequestedAt !== null);
    back.client.close();
  });

  it('keeps an audit trail for admins and supervisors, without a code', async () => {
    const { email, visitor, conversationId, id } = await openCase();
    const code = await mailedCode(conversationId, email);
    await tryCode(visitor, conversationId, code);
    const res = await admin(`/audit?conversationId=${conversationId}&limit=2`);
    assert.equal(res.status, 200);
    const page = (await res.json()) as { entries: AuditEntry[]; nextCursor: string | null };
    assert.deepEqual(
      page.entries.map((e) => e.action),
      ['recovery.code.tried', 'recovery.code.sent'],
    );
    assert.equal(page.entries[0]?.detail.outcome, 'verified');
    assert.equal(page.entries[1]?.accountId, id);
    assert.ok(page.nextCursor);
    const rest = (await (
      await admin(`/audit?conversationId=${conversationId}&cursor=${page.nextCursor}`)
    ).json()) as { entries: AuditEntry[] };
    assert.deepEqual(
      rest.entries.map((e) => e.action),
      ['recovery.started'],
    );
    assert.ok(!holdsCode(JSON.stringify([page, rest]), code));
    const plain = await newAgent(admin, 'agent');
    assert.equal((await restAs(server.url, plain)('/audit')).status, 403);
    const supervisor = await newAgent(admin, 'supervisor');
    assert.equal((await restAs(server.url, supervisor)('/audit')).status, 200);
    assert.equal((await admin('/audit?cursor=nonsense')).status, 400);
    visitor.close();
  });

  it('never let a code reach an agent socket', () => {
    assert.ok(sentCodes.length >= 10 && agentFrames.length > 20, `${sentCodes.length} ${agentFrames.length}`);
    assert.ok(
      agentFrames.some((f) => f.includes('"recovery.changed"')),
      'agents heard of the changes',
    );
    for (const code of sentCodes)
      for (const frame of agentFrames) assert.ok(!holdsCode(frame, code), `code ${code} in ${frame}`);
  });

  async function newAgent(api: Api, role: string): Promise<string> {
    const email = `${role}-${randomUUID()}@example.test`;
    const res = await api('/agents', { method: 'POST', body: JSON.stringify({ email, name: role, role }) });
    assert.equal(res.status, 201, await res.clone().text());
    const { password } = (await res.json()) as { password: string };
    return logIn(server.url, email, password);
  }
});

/** The names of the store methods called until stop(), in order (background sweeps left out). */
function recordStoreCalls(server: TestServer) {
  const store = server.store as unknown as Record<string, unknown>;
  const names: string[] = [];
  const originals = new Map<string, unknown>();
  // Sweeps that run on their own clock, and the store's private helpers.
  const background = new Set(['claimDueDeliveries', 'pruneLimits', 'indexPendingMessages', 'guard']);
  const keys = new Set([...Object.keys(store), ...Object.getOwnPropertyNames(Object.getPrototypeOf(store))]);
  for (const key of keys) {
    const fn = store[key];
    if (typeof fn !== 'function' || key === 'constructor') continue;
    originals.set(key, Object.prototype.hasOwnProperty.call(store, key) ? fn : undefined);
    store[key] = (...args: unknown[]) => {
      if (!background.has(key)) names.push(key);
      return (fn as (...a: unknown[]) => unknown).apply(server.store, args);
    };
  }
  return {
    names,
    stop() {
      for (const [key, own] of originals) {
        if (own === undefined) delete store[key];
        else store[key] = own;
      }
    },
  };
}

/** Frames with ids and times replaced, so two runs compare. */
function normalise(frames: string[], visitorId: string): string[] {
  return frames.map((f) =>
    f
      .replaceAll(visitorId, '<visitor>')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/"(\w*(?:At|Time|Since))":\d+/g, '"$1":0')
      .replace(/"visitorName":"[^"]*"/g, '"visitorName":"<name>"'),
  );
}

export type { ServerFrame };
