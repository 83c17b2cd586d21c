/**
 * On a real server with a real SMTP server: a message left while the team is away, replies emailed to a
 * visitor who has gone (one email for several replies, in their language, secrets masked, no note, no
 * draft), the link that reopens the conversation once, transcripts; and the development outbox.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Activity, Contact, OutboxResponse } from '@candor/protocol';
import { PROTOCOL_VERSION } from '@candor/protocol';
import { hashToken } from '../../auth/tokens';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';
import { startTestSmtpServer, type TestSmtpServer } from '../../testing/test-smtp-server';

const CARD = '4242 4242 4242 4242';

function restApi(server: TestServer, cookie: string) {
  return (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
}

/** A visitor (French browser) who leaves a message with their email, then closes the widget. */
async function visitorLeaves(server: TestServer, email: string, body: string) {
  const client = await TestClient.connect(server.wsUrl, 'visitor');
  client.send({ type: 'hello', protocol: PROTOCOL_VERSION, locale: 'fr' });
  const welcome = await client.next('welcome');
  const left = await client.request({ type: 'message.leave', email, body, clientKey: randomUUID() });
  assert.equal(left.type, 'ack', JSON.stringify(left));
  const conversationId = left.type === 'ack' ? (left.conversation?.id ?? '') : '';
  return { client, welcome, conversationId };
}

async function hello(server: TestServer, extra: object) {
  const client = await TestClient.connect(server.wsUrl, 'visitor');
  client.send({ type: 'hello', protocol: PROTOCOL_VERSION, ...extra });
  const welcome = await client.next('welcome');
  return { client, welcome };
}

describe('offline messages and email (SMTP)', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let admin: string;
  let api: ReturnType<typeof restApi>;

  before(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({
      smtp: { url: smtp.url, from: 'Support <help@example.test>' },
      mailCoalesceMs: 400,
    });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    api = restApi(server, admin);
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  const mailsTo = (to: string) => smtp.received.filter((m) => m.to === to);
  async function waitForMailTo(to: string, count = 1) {
    const deadline = Date.now() + 10_000;
    while (mailsTo(to).length < count) {
      if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
      await smtp.waitFor(smtp.received.length + 1, 500).catch(() => undefined);
    }
    return mailsTo(to);
  }

  it('a message left offline lands in the inbox with the email, shown to agents as left offline', async () => {
    const closedNow = async (closed: boolean) => {
      const day = (k: number) => new Date(Date.now() + k * 86_400_000).toISOString().slice(0, 10);
      const hours = closed ? { timeZone: 'UTC', weekly: [], holidays: [day(-1), day(0), day(1)] } : null;
      assert.equal(
        (await api('/inboxes/default/hours', { method: 'PUT', body: JSON.stringify({ hours }) })).status,
        200,
      );
    };
    await closedNow(true);
    const { client, conversationId } = await visitorLeaves(server, 'Zoe@Example.test', 'Mon colis est perdu');
    client.ws.close();
    const contact = (await (await api(`/conversations/${conversationId}/contact`)).json()) as {
      contact: Contact;
    };
    assert.equal(contact.contact.email, 'zoe@example.test');
    assert.equal(contact.contact.verification, 'self_declared');
    const activity = (await (await api(`/conversations/${conversationId}/activity`)).json()) as {
      activity: Activity[];
    };
    const left = activity.activity.find((a) => a.kind === 'left_offline');
    assert.equal(left?.detail.email, 'zoe@example.test');
    const messages = (await (await api(`/conversations/${conversationId}/messages`)).json()) as {
      messages: Array<{ body: string }>;
    };
    assert.deepEqual(
      messages.messages.map((m) => m.body),
      ['Mon colis est perdu'],
    );
    await closedNow(false);
    // While the team is open, the same form's message is an ordinary one: no left-offline line.
    const open = await visitorLeaves(server, 'open@example.test', 'Bonjour');
    open.client.ws.close();
    const openActivity = (await (await api(`/conversations/${open.conversationId}/activity`)).json()) as {
      activity: Activity[];
    };
    assert.equal(
      openActivity.activity.some((a) => a.kind === 'left_offline'),
      false,
    );
  });

  it("emails an agent's replies to a visitor who left: one email, in French, masked, no note, with a link", async () => {
    const email = `gone-${randomUUID().slice(0, 8)}@example.test`;
    const { client, conversationId } = await visitorLeaves(server, email, 'Bonjour ?');
    // A draft typed before leaving is never stored, so it cannot be mailed.
    client.send({ type: 'draft.update', conversationId, text: 'brouillon secret' });
    client.ws.close();
    await new Promise((r) => setTimeout(r, 50));
    const send = (body: string) =>
      api(`/conversations/${conversationId}/messages`, {
        method: 'POST',
        body: JSON.stringify({ body, clientKey: randomUUID() }),
      });
    assert.equal((await send('Bonjour, nous regardons <votre> commande.')).status, 201);
    await api(`/conversations/${conversationId}/notes`, {
      method: 'POST',
      body: JSON.stringify({ body: 'NOTE PRIVÉE: client difficile' }),
    });
    assert.equal((await send(`Carte reçue : ${CARD}`)).status, 201);

    const [mail] = await waitForMailTo(email);
    assert.ok(mail);
    assert.equal(mail.subject, 'Nouvelle réponse à votre conversation');
    assert.equal(mail.from, 'help@example.test');
    assert.match(mail.text, /nous regardons <votre> commande/);
    assert.match(mail.html, /nous regardons &lt;votre&gt; commande/);
    assert.match(mail.text, /Carte reçue/);
    for (const part of [mail.text, mail.html, mail.raw]) {
      assert.doesNotMatch(part, /4242 4242 4242 4242|4242424242424242/, 'the card number is masked');
      assert.doesNotMatch(part, /NOTE PRIVÉE/);
      assert.doesNotMatch(part, /brouillon secret/);
    }
    assert.match(mail.text, /Reprendre la conversation: http:\/\/127\.0\.0\.1:\d+\/#candor-reopen=/);
    // Both replies made one email.
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(mailsTo(email).length, 1);
  });

  it('sends no email while the visitor is still in the chat, and only the replies after they left', async () => {
    const email = `here-${randomUUID().slice(0, 8)}@example.test`;
    const { client, conversationId } = await visitorLeaves(server, email, 'Allô ?');
    const send = (body: string) =>
      api(`/conversations/${conversationId}/messages`, {
        method: 'POST',
        body: JSON.stringify({ body, clientKey: randomUUID() }),
      });
    await send('Réponse lue dans le chat');
    await new Promise((r) => setTimeout(r, 600));
    client.ws.close();
    await new Promise((r) => setTimeout(r, 50));
    await send('Réponse après votre départ');
    const [mail] = await waitForMailTo(email);
    assert.match(mail?.text ?? '', /Réponse après votre départ/);
    assert.doesNotMatch(mail?.text ?? '', /Réponse lue dans le chat/);
  });

  it('the link reopens the conversation as its visitor, once; a used or expired link is refused', async () => {
    const email = `link-${randomUUID().slice(0, 8)}@example.test`;
    const { client, welcome: first, conversationId } = await visitorLeaves(server, email, 'Un souci');
    client.ws.close();
    await new Promise((r) => setTimeout(r, 50));
    await api(`/conversations/${conversationId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ body: 'Voici la solution', clientKey: randomUUID() }),
    });
    const [mail] = await waitForMailTo(email);
    const token = decodeURIComponent(/#candor-reopen=([^\s"]+)/.exec(mail?.text ?? '')?.[1] ?? '');
    assert.ok(token.length >= 32, 'an unguessable token');

    const { client: back, welcome } = await hello(server, { reopenToken: token });
    assert.equal(welcome.visitor?.id, first.visitor?.id);
    assert.ok(welcome.conversations.some((c) => c.id === conversationId));
    back.ws.close();

    const { client: replay, welcome: stranger } = await hello(server, { reopenToken: token });
    const refused = replay.frames.find((f) => f.type === 'error');
    assert.equal(refused?.type === 'error' && refused.code, 'link_expired');
    assert.notEqual(stranger.visitor?.id, first.visitor?.id);
    assert.equal(stranger.conversations.length, 0);
    replay.ws.close();

    // Expired: a token whose time has passed is refused the same way.
    const expired = randomUUID() + randomUUID();
    await server.store.createReopenToken({
      tokenHash: hashToken(expired),
      visitorId: first.visitor?.id ?? '',
      conversationId,
      expiresAt: Date.now() - 1,
      now: Date.now() - 10,
    });
    const { client: late, welcome: lateWelcome } = await hello(server, { reopenToken: expired });
    const lateError = late.frames.find((f) => f.type === 'error');
    assert.equal(lateError?.type === 'error' && lateError.code, 'link_expired');
    assert.notEqual(lateWelcome.visitor?.id, first.visitor?.id);
    late.ws.close();
  });

  it('emails the transcript of a resolved conversation, without private notes, a few times an hour at most', async () => {
    const { client } = await hello(server, { locale: 'en' });
    const message = await client.sendMessage(null, `My card is ${CARD}`);
    const conversationId = message.conversationId;
    await api(`/conversations/${conversationId}/notes`, {
      method: 'POST',
      body: JSON.stringify({ body: 'PRIVATE NOTE: refund later' }),
    });
    await api(`/conversations/${conversationId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ body: 'Please never share card numbers here.', clientKey: randomUUID() }),
    });
    const early = await client.request({
      type: 'transcript.request',
      conversationId,
      email: 'x@example.test',
    });
    assert.equal(early.type === 'error' && early.code, 'conflict', 'only once resolved');
    assert.equal((await api(`/conversations/${conversationId}/resolve`, { method: 'POST' })).status, 200);

    const to = `transcript-${randomUUID().slice(0, 8)}@example.test`;
    const asked = await client.request({ type: 'transcript.request', conversationId, email: to });
    assert.equal(asked.type, 'ack', JSON.stringify(asked));
    const [mail] = await waitForMailTo(to);
    assert.equal(mail?.subject, 'Transcript of your conversation');
    assert.match(mail?.text ?? '', /You:\nMy card is/);
    assert.match(mail?.text ?? '', /Please never share card numbers here\./);
    for (const part of [mail?.text ?? '', mail?.html ?? '']) {
      assert.doesNotMatch(part, /PRIVATE NOTE/);
      assert.doesNotMatch(part, /4242 4242 4242 4242/);
    }
    await client.request({ type: 'transcript.request', conversationId, email: to });
    await client.request({ type: 'transcript.request', conversationId, email: to });
    const limited = await client.request({ type: 'transcript.request', conversationId, email: to });
    assert.equal(limited.type === 'error' && limited.code, 'rate_limited');
    client.ws.close();
  });
});

describe('development outbox (no SMTP configured)', () => {
  let server: TestServer;
  let admin: string;

  before(async () => {
    server = await startTestServer({ mailCoalesceMs: 100 });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('keeps the reply email for admins to read at GET /api/v1/outbox; agents may not read it', async () => {
    const api = restApi(server, admin);
    const { client, conversationId } = await visitorLeaves(server, 'outbox@example.test', 'Hello?');
    client.ws.close();
    await new Promise((r) => setTimeout(r, 50));
    await api(`/conversations/${conversationId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ body: 'We are on it.', clientKey: randomUUID() }),
    });
    let outbox: OutboxResponse = { enabled: true, mails: [] };
    for (let i = 0; i < 100 && outbox.mails.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      outbox = (await (await api('/outbox')).json()) as OutboxResponse;
    }
    assert.equal(outbox.enabled, true);
    const [mail] = outbox.mails;
    assert.equal(mail?.to, 'outbox@example.test');
    assert.match(mail?.text ?? '', /We are on it\./);
    assert.match(mail?.html ?? '', /We are on it\./);

    const created = (await (
      await api('/agents', {
        method: 'POST',
        body: JSON.stringify({ email: 'sam@example.test', name: 'Sam' }),
      })
    ).json()) as { password: string };
    const agent = await logIn(server.url, 'sam@example.test', created.password);
    assert.equal((await restApi(server, agent)('/outbox')).status, 403);
  });
});
