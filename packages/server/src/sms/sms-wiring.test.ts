/**
 * On a real server: texts go to the development outbox beside mail (admins read them at
 * GET /api/v1/outbox, marked as texts) until Twilio is configured; then they go to Twilio and the
 * outbox keeps none.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { OutboxResponse } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn } from '../testing/test-client';
import { startTestTwilioServer, type TestTwilioServer } from '../testing/test-twilio-server';

const SID = `AC${'9'.repeat(32)}`;
const TOKEN = 'twilio-auth-token-for-tests';

async function outbox(server: TestServer): Promise<OutboxResponse> {
  const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  return (await (
    await fetch(`${server.url}/api/v1/outbox`, { headers: { cookie } })
  ).json()) as OutboxResponse;
}

describe('where texts go', () => {
  const open: { close(): Promise<void> }[] = [];
  after(async () => {
    for (const o of open) await o.close();
  });

  it('without a provider, to the outbox admins read, marked as texts', async () => {
    const server = await startTestServer();
    open.push(server);
    await server.sms.send({ to: '+33612345678', text: 'Votre code : 123456' });
    const kept = await outbox(server);
    assert.equal(kept.enabled, true);
    assert.deepEqual(
      kept.mails.map((m) => ({ to: m.to, text: m.text, channel: m.channel })),
      [{ to: '+33612345678', text: 'Votre code : 123456', channel: 'sms' }],
    );
  });

  it('with Twilio configured, to Twilio, the outbox keeping none', async () => {
    const twilio: TestTwilioServer = await startTestTwilioServer({
      sid: SID,
      username: SID,
      password: TOKEN,
    });
    open.push(twilio);
    const server = await startTestServer({
      sms: { url: twilio.url, accountSid: SID, username: SID, password: TOKEN, from: '+14155550100' },
    });
    open.push(server);
    await server.sms.send({ to: '+33612345678', text: 'Votre code : 654321' });
    assert.deepEqual(twilio.accepted[0]?.form, {
      To: '+33612345678',
      Body: 'Votre code : 654321',
      From: '+14155550100',
    });
    assert.deepEqual((await outbox(server)).mails, []);
  });
});
