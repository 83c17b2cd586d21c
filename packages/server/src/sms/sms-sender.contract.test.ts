import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { TwilioConfig } from '../config';
import { openSqliteStore } from '../storage';
import { startTestTwilioServer, type TestTwilioServer } from '../testing/test-twilio-server';
import { OutboxSmsSender } from './outbox-sms-sender';
import { describeSmsSenderContract } from './sms-sender.contract';
import { TwilioSmsSender } from './twilio-sms-sender';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TOKEN = 'twilio-auth-token-for-tests';
const servers: TestTwilioServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function twilio(from = '+14155550100') {
  const server = await startTestTwilioServer({ sid: SID, username: SID, password: TOKEN });
  servers.push(server);
  const config: TwilioConfig = { url: server.url, accountSid: SID, username: SID, password: TOKEN, from };
  return { server, sender: new TwilioSmsSender(config) };
}

describeSmsSenderContract('twilio (local stand-in for the Messages API)', async () => {
  const { server, sender } = await twilio();
  return {
    sender,
    delivered: () =>
      Promise.resolve(server.accepted.map((r) => ({ to: r.form.To ?? '', text: r.form.Body ?? '' }))),
    breakDelivery: () => {
      server.failWith = 503;
    },
  };
});

describeSmsSenderContract('development outbox (store)', async () => {
  const store = await openSqliteStore({ file: ':memory:' });
  await store.migrate();
  let broken = false;
  const sender = new OutboxSmsSender(
    { addOutboxMail: (m) => (broken ? Promise.reject(new Error('store down')) : store.addOutboxMail(m)) },
    Date.now,
  );
  return {
    sender,
    delivered: async () =>
      (await store.listOutbox(100))
        .filter((m) => m.channel === 'sms')
        .reverse()
        .map((m) => ({ to: m.to, text: m.text })),
    breakDelivery: () => {
      broken = true;
    },
  };
});

describe('Twilio: the request as it goes over the wire', () => {
  it('posts a form to the account’s Messages resource with Basic auth', async () => {
    const { server, sender } = await twilio();
    await sender.send({ to: '+33612345678', text: 'Code : 123456' });
    assert.deepEqual(server.received, [
      {
        method: 'POST',
        path: `/2010-04-01/Accounts/${SID}/Messages.json`,
        authorization: `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`,
        contentType: 'application/x-www-form-urlencoded',
        form: { To: '+33612345678', Body: 'Code : 123456', From: '+14155550100' },
      },
    ]);
  });

  it('sends from a Messaging Service when the sender is one', async () => {
    const service = `MG${'f'.repeat(32)}`;
    const { server, sender } = await twilio(service);
    await sender.send({ to: '+33612345678', text: 'x' });
    assert.equal(server.received[0]?.form.MessagingServiceSid, service);
    assert.equal(server.received[0]?.form.From, undefined);
  });

  it('rejects with Twilio’s status and error code, never the text', async () => {
    const server = await startTestTwilioServer({
      sid: SID,
      username: SID,
      password: 'another-token-entirely',
    });
    servers.push(server);
    const sender = new TwilioSmsSender({
      url: server.url,
      accountSid: SID,
      username: SID,
      password: TOKEN,
      from: '+14155550100',
    });
    const error = await sender.send({ to: '+33612345678', text: 'Votre code : 987654' }).then(
      () => assert.fail('a refused text must reject'),
      (err: unknown) => err as Error,
    );
    assert.match(error.message, /HTTP 401, error 20003/);
    assert.doesNotMatch(error.message, /987654/);
  });
});
