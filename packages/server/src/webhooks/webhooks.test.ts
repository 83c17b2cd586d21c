/**
 * Webhooks on a real server with a real receiver on loopback (issue 14): registered by an admin, signed
 * as Standard Webhooks (verified with the official library), retried, disabled by a 410, refused for
 * private addresses unless allowed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { CreateWebhookResponse, WebhookDelivery } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn } from '../testing/test-client';
import { WebhookDispatcher } from './webhook-dispatcher';
import { queueWebhookEvent } from '../commands/host-api/webhooks';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each request with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const waiting: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 204;
      res.end();
      waiting.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const until = async (n: number) => {
    const deadline = Date.now() + 10_000;
    while (received.length < n && Date.now() < deadline)
      await new Promise<void>((r) => {
        waiting.push(r);
        setTimeout(r, 200);
      });
    assert.ok(received.length >= n, `the receiver got ${received.length} of ${n} requests`);
  };
  return { url, received, until, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('webhooks', () => {
  let server: TestServer;
  let admin: string;

  before(async () => {
    server = await startTestServer({ webhooksAllowPrivate: true });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: { cookie: admin, 'content-type': 'application/json' },
    });
  const register = async (url: string) => {
    const res = await call('/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url, events: ['recovery.action.approved'] }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()) as CreateWebhookResponse;
  };

  it('delivers a ping signed as Standard Webhooks, which the official library verifies', async () => {
    const hook = await receiver([204]);
    try {
      const { id, secret } = await register(hook.url);
      assert.match(secret, /^whsec_/);
      assert.equal((await call(`/webhooks/${id}/ping`, { method: 'POST' })).status, 202);
      await hook.until(1);
      const [got] = hook.received;
      const verified = new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>) as {
        type: string;
        data: { webhookId: string };
      };
      assert.equal(verified.type, 'webhook.ping');
      assert.equal(verified.data.webhookId, id);
      assert.throws(() =>
        new Webhook(secret).verify(got!.body.replace('ping', 'pong'), got!.headers as Record<string, string>),
      );
      const listed = (await (await call('/webhooks')).json()) as { webhooks: object[] };
      assert.ok(!JSON.stringify(listed).includes(secret.slice(6)), 'the list never shows a secret');
    } finally {
      await hook.close();
    }
  });

  it('an endpoint answering 410 Gone is disabled and gets nothing more', async () => {
    const hook = await receiver([410]);
    try {
      const { id } = await register(hook.url);
      await call(`/webhooks/${id}/ping`, { method: 'POST' });
      await hook.until(1);
      let disabled = false;
      for (let i = 0; i < 50 && !disabled; i++) {
        await new Promise((r) => setTimeout(r, 100));
        disabled = (await server.store.findWebhook(id))?.disabledAt !== null;
      }
      assert.ok(disabled, 'disabled after the 410');
      assert.equal((await call(`/webhooks/${id}/ping`, { method: 'POST' })).status, 409);
      const { deliveries } = (await (await call(`/webhooks/${id}/deliveries`)).json()) as {
        deliveries: WebhookDelivery[];
      };
      assert.equal(deliveries[0]?.status, 'failed');
      assert.equal(deliveries[0]?.lastStatus, 410);
    } finally {
      await hook.close();
    }
  });

  it('a failed delivery is tried again later, with the same id, until it is delivered', async () => {
    const hook = await receiver([503, 500, 204]);
    let now = Date.now();
    try {
      const { id, secret } = await register(hook.url);
      // A dispatcher of our own on the server's store, with a clock the test moves.
      const dispatcher = new WebhookDispatcher({
        store: server.store,
        post: async (url, body, headers) => {
          const res = await fetch(url, { method: 'POST', body, headers });
          return { status: res.status, error: null };
        },
        now: () => now,
        random: () => 0.5,
        onError: (err) => assert.fail(String(err)),
        pollMs: 60_000,
      });
      const ctx = { store: server.store, now: () => now } as unknown as Parameters<
        typeof queueWebhookEvent
      >[0];
      await queueWebhookEvent(ctx, 'webhook.ping', { webhookId: id }, id);
      const recorded = async (status: number) => {
        for (let i = 0; i < 100; i++) {
          if ((await server.store.listDeliveries(id, 1))[0]?.lastStatus === status) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        assert.fail(`the answer ${status} was never recorded`);
      };
      for (const [attempt, status] of [503, 500, 204].entries()) {
        dispatcher.kick();
        await hook.until(attempt + 1);
        await recorded(status);
        now += 10 * 60_000; // past any retry delay of the first tries, and past the claim's lease
      }
      await dispatcher.stop();
      const ids = new Set(hook.received.map((r) => r.headers['webhook-id']));
      assert.equal(ids.size, 1, 'one delivery, one id, however many tries');
      // Signed afresh on each try (the timestamp is the try's); the first is on the real clock.
      const first = hook.received[0]!;
      new Webhook(secret).verify(first.body, first.headers as Record<string, string>);
      const [delivery] = await server.store.listDeliveries(id, 1);
      assert.equal(delivery?.status, 'delivered');
      assert.equal(delivery?.attempts, 3);
    } finally {
      await hook.close();
    }
  });
});

describe('webhooks on a server that keeps them off private addresses (the default)', () => {
  let server: TestServer;
  let admin: string;
  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('refuses loopback, private and metadata URLs, and non-admins', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'file:///etc/passwd',
    ]) {
      const res = await fetch(`${server.url}/api/v1/webhooks`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ url, events: ['recovery.action.approved'] }),
      });
      assert.equal(res.status, 400, url);
    }
    assert.deepEqual(await server.store.listWebhooks(), []);
    assert.equal((await fetch(`${server.url}/api/v1/webhooks`)).status, 401);
  });
});
