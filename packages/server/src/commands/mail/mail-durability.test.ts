/**
 * "Nothing lost", on real servers with a real SMTP server: a mail waiting while the SMTP server is down
 * survives its node and is delivered once by the next node on the same store (SQLite data dir, or
 * PostgreSQL schema); two nodes sharing one PostgreSQL queue deliver each mail once; a recovery code's
 * mail is never written to the store, even while it waits for a retry.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@candor/protocol';
import type { Config } from '../../config';
import type { QueuedMail } from '../../storage/mail-queue-store';
import type { Store } from '../../storage/store';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';
import { startTestSmtpServer, type TestSmtpServer } from '../../testing/test-smtp-server';
import { describeWithPostgres, freshSchema, TEST_DATABASE_URL } from '../../testing/postgres-test-db';
import { hostAccounts, restAs, sendCode, startRecovery } from '../../testing/recovery-harness';

const FROM = 'Support <help@example.test>';

/** An SMTP URL where nothing listens: every send fails at once, as when the SMTP server is down. */
async function closedSmtpUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

/** Every mail the store still holds (claimed far ahead: call when done with the store). */
const leftIn = (store: Store): Promise<QueuedMail[]> =>
  store.claimDueMail({ now: Date.now() + 10 ** 9, limit: 1000, leaseMs: 1 });

/** A visitor's resolved conversation, and its transcript asked for: the mail is queued when acked. */
async function askTranscript(node: TestServer, to: string): Promise<void> {
  const admin = restAs(node.url, await logIn(node.url, ADMIN.email, ADMIN.password));
  const client = await TestClient.connect(node.wsUrl, 'visitor');
  client.send({ type: 'hello', protocol: PROTOCOL_VERSION, locale: 'en' });
  await client.next('welcome');
  const { conversationId } = await client.sendMessage(null, 'Where is my parcel?');
  assert.equal((await admin(`/conversations/${conversationId}/resolve`, { method: 'POST' })).status, 200);
  const asked = await client.request({ type: 'transcript.request', conversationId, email: to });
  assert.equal(asked.type, 'ack', JSON.stringify(asked));
  client.close();
}

/**
 * A node whose SMTP server is down takes a transcript and a stop notice, then stops; the next node on
 * the same store, with SMTP back, delivers each once.
 */
async function survivesRestart(store: Partial<Config>): Promise<void> {
  const smtp = await startTestSmtpServer();
  const down = await startTestServer({ ...store, smtp: { url: await closedSmtpUrl(), from: FROM } });
  const transcriptTo = `transcript-${randomUUID().slice(0, 8)}@example.test`;
  const noticeTo = `old-${randomUUID().slice(0, 8)}@example.test`;
  try {
    await askTranscript(down, transcriptTo);
    // As sendStopNotice queues it (commands/recovery/cooling-off.ts).
    await down.mail.enqueue('recovery-stop-notice', {
      to: noticeTo,
      subject: 'Stop this change',
      text: 'Not you? Stop it.',
      html: '<p>Not you? Stop it.</p>',
    });
    await down.mail.settled(); // tried once, refused, to be retried in 5 s
  } finally {
    await down.stop(); // not close(): its data dir is the next node's
  }
  const up = await startTestServer({ ...store, smtp: { url: smtp.url, from: FROM } });
  try {
    const received = await smtp.waitFor(2, 20_000);
    await up.mail.settled();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(received.map((m) => m.to).sort(), [noticeTo, transcriptTo].sort(), 'each once');
    assert.equal(received.find((m) => m.to === noticeTo)?.subject, 'Stop this change');
    assert.equal(received.find((m) => m.to === transcriptTo)?.subject, 'Transcript of your conversation');
    assert.deepEqual(await leftIn(up.store), [], 'deleted once sent');
  } finally {
    await up.close();
    await smtp.close();
  }
}

describe('mail survives its node (SQLite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'candor-mail-restart-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'a transcript and a stop notice queued while SMTP is down are delivered once by the next start',
    { timeout: 60_000 },
    () => survivesRestart({ dataDir }),
  );
});

describe('a recovery code mail is never stored', () => {
  let smtp: TestSmtpServer;
  let server: TestServer;
  before(async () => {
    smtp = await startTestSmtpServer();
    server = await startTestServer({ smtp: { url: smtp.url, from: FROM } });
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  it('not even while it waits for a retry; it still arrives', { timeout: 60_000 }, async () => {
    const stored: string[] = [];
    const queueMail = server.store.queueMail.bind(server.store);
    server.store.queueMail = (m) => {
      stored.push(m.kind);
      return queueMail(m);
    };
    const admin = restAs(server.url, await logIn(server.url, ADMIN.email, ADMIN.password));
    const accountId = `user-${randomUUID()}`;
    const email = `${accountId}@example.com`;
    await (
      await hostAccounts(server.url, admin)
    )(accountId, { email });
    const { client } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversation } = await startRecovery(client, email);
    smtp.refuse = true;
    assert.equal((await sendCode(admin, conversation.id)).status, 201);
    await server.mail.settled(); // refused once: waiting 5 s for its retry
    assert.deepEqual(stored, []);
    assert.deepEqual(await leftIn(server.store), []);
    smtp.refuse = false;
    const [mail] = await smtp.waitFor(1, 20_000);
    assert.equal(mail?.to, email);
    assert.match(mail?.text ?? '', /\n\d{6}\n/);
    assert.deepEqual(stored, []);
    client.close();
  });
});

describeWithPostgres('mail queue shared on PostgreSQL', () => {
  it(
    'a mail queued while SMTP is down is delivered once by the next node on the schema',
    { timeout: 60_000 },
    () => survivesRestart({ databaseUrl: TEST_DATABASE_URL, databaseSchema: freshSchema() }),
  );

  it('two nodes sharing one queue deliver each mail exactly once', { timeout: 60_000 }, async () => {
    const smtp = await startTestSmtpServer();
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: freshSchema(),
      smtp: { url: smtp.url, from: FROM },
    };
    const nodes = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    try {
      const subjects = Array.from({ length: 40 }, (_, i) => `Mail ${i}`);
      await Promise.all(
        subjects.map((subject, i) =>
          nodes[i % 2]!.mail.enqueue('transcript', {
            to: `visitor-${i}@example.test`,
            subject,
            text: subject,
            html: `<p>${subject}</p>`,
          }),
        ),
      );
      const received = await smtp.waitFor(subjects.length, 30_000);
      await Promise.all(nodes.map((n) => n.mail.settled()));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(received.map((m) => m.subject).sort(), [...subjects].sort());
      assert.deepEqual(await leftIn(nodes[0].store), []);
    } finally {
      await Promise.all(nodes.map((n) => n.close()));
      await smtp.close();
    }
  });
});
