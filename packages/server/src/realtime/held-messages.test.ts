/**
 * An agent who is being manipulated is helped, not trusted (issue 14), frame by frame on a real server:
 * an agent message asking for or holding a password or a code is held back (error `message_held`
 * saying why), never stored nor shown to the visitor; the agent may send it after reading the warning
 * (`acknowledgeWarning`), except in a recovery conversation, where it is never sent. Visitors' messages
 * are not checked, and ordinary agent messages go through as before.
 */
import { after, afterEach, before, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Message, ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';
import { recoveryMark } from '../commands/recovery/recovery-conversation';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

const created =
  (body: string) =>
  (f: ServerFrame): f is Frame<'message.created'> =>
    f.type === 'message.created' && f.message.body === body;

describe('agent messages that ask for or hold a secret', () => {
  let server: TestServer;
  let admin: string;
  let agent: TestClient;
  let visitor: TestClient;
  let conversationId: string;

  const send = (body: string, extra: object = {}, clientKey = randomUUID()) =>
    agent.request({ type: 'message.send', conversationId, clientKey, body, ...extra });
  const stored = async () => {
    const res = await fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
      headers: { cookie: admin },
    });
    return ((await res.json()) as { messages: Message[] }).messages.map((m) => m.body);
  };
  const visitorSaw = () =>
    visitor.frames
      .filter((f): f is Frame<'message.created'> => f.type === 'message.created')
      .map((f) => f.message.body);

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    ({ client: visitor } = await TestClient.hello(server.wsUrl, 'visitor'));
    const first = await visitor.sendMessage(null, 'I cannot log in, my code never arrives');
    conversationId = first.conversationId;
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: first.seq });
    await visitor.next('conversation.history');
    ({ client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin }));
  });
  afterEach(() => mock.restoreAll());
  after(async () => {
    agent.close();
    visitor.close();
    await server.close();
  });

  it('holds a request for a code with a warning saying why, storing and relaying nothing', async () => {
    const reply = await send('Can you send me the code you received by SMS?');
    assert.equal(reply.type, 'error');
    assert.ok(reply.type === 'error');
    assert.equal(reply.code, 'message_held');
    assert.equal(reply.heldBecause, 'asks_for_secret', 'why, for a console to say in its language');
    assert.match(reply.message, /asks the customer for a password or a code/);
    assert.match(reply.message, /Send it anyway only if you are sure/);
    const held = await send('Your new password is Hunter2!xyz');
    assert.ok(held.type === 'error' && held.code === 'message_held');
    assert.equal(held.heldBecause, 'contains_secret');
    assert.match(held.message, /contain a password or a code/);
    // An ordinary message after them is the next one stored: the held ones left no trace.
    await agent.sendMessage(conversationId, 'Let me look into it.');
    await visitor.waitFor(created('Let me look into it.'));
    assert.deepEqual(await stored(), ['I cannot log in, my code never arrives', 'Let me look into it.']);
    assert.ok(!visitorSaw().some((b) => /code you received|Hunter2/.test(b)));
  });

  it('sends a held message once the agent acknowledges the warning', async () => {
    const clientKey = randomUUID();
    const body = 'Please type the code you received, what is it?';
    const held = await send(body, {}, clientKey);
    assert.ok(held.type === 'error' && held.code === 'message_held');
    const sent = await send(body, { acknowledgeWarning: true }, clientKey);
    assert.ok(sent.type === 'ack' && sent.message, JSON.stringify(sent));
    assert.equal(sent.message.author.type, 'agent');
    await visitor.waitFor(created(body));
    assert.ok((await stored()).includes(body));
    // Both the hold and the send past it are in the audit trail for supervisors, without the text.
    const entries = (await server.store.listAudit({ conversationId, limit: 50 })).filter(
      (e) => e.detail.messageId === sent.message?.id || e.action === 'message.held',
    );
    const override = entries.find((e) => e.action === 'message.sent_despite_warning');
    assert.equal(override?.actorType, 'agent');
    assert.ok(override.actorId);
    assert.equal(override?.detail.reason, 'asks_for_secret');
    assert.ok(entries.some((e) => e.action === 'message.held' && e.detail.reason === 'asks_for_secret'));
    assert.ok(!JSON.stringify(entries).includes('what is it'));
  });

  it('never sends one in a recovery conversation, acknowledged or not', async () => {
    mock.method(recoveryMark, 'isRecoveryConversation', (_ctx: unknown, id: string) =>
      Promise.resolve(id === conversationId),
    );
    for (const extra of [{}, { acknowledgeWarning: true }]) {
      const reply = await send('What is the verification code we sent you?', extra);
      assert.ok(reply.type === 'error' && reply.code === 'message_held', JSON.stringify(reply));
      assert.match(reply.message, /Not sent.*account-recovery conversation.*secure field/s);
    }
    // Pointing the customer to the secure field is the right flow, and goes through.
    const pointer = 'Please type the code in the secure field below the chat.';
    const ok = await send(pointer);
    assert.ok(ok.type === 'ack', JSON.stringify(ok));
    assert.ok(!(await stored()).includes('What is the verification code we sent you?'));
  });

  it('checks agents only: a visitor may write about codes, and REST sends are held alike', async () => {
    const visitorText = 'The code you sent me never arrived, what should I do?';
    assert.equal((await visitor.sendMessage(conversationId, visitorText)).author.type, 'visitor');
    const rest = (body: object) =>
      fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ clientKey: 'rest-held-1', ...body }),
      });
    const held = await rest({ body: 'Give me your password so I can check' });
    assert.equal(held.status, 422);
    const { error } = (await held.json()) as {
      error: { code: string; message: string; heldBecause?: string };
    };
    assert.equal(error.code, 'message_held');
    assert.equal(error.heldBecause, 'asks_for_secret');
    assert.match(error.message, /password or a code/);
    const sent = await rest({ body: 'Give me your password so I can check', acknowledgeWarning: true });
    assert.equal(sent.status, 201);
  });
});
