/**
 * The shop's accounts reach a real Candor (started on port 0, embedded store) through
 * `PUT /api/v1/accounts/{externalId}` with an API token; a change is sent again, and a refused PUT is
 * kept to be tried again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreateApiTokenResponse } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../../packages/server/src/testing/test-server';
import { logIn } from '../../../packages/server/src/testing/test-client';
import { AccountBook } from './accounts';
import { CandorSync } from './candor-sync';
import { demoAccounts } from './demo-accounts';

describe('syncing the shop’s accounts to Candor', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startTestServer();
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const res = await fetch(`${server.url}/api/v1/api-tokens`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Example shop', scopes: ['accounts:write'] }),
    });
    assert.equal(res.status, 201);
    token = ((await res.json()) as CreateApiTokenResponse).token;
  });
  after(() => server.close());

  it('puts every account on start, and a changed contact after, which Candor keeps on file', async () => {
    const book = new AccountBook(await demoAccounts());
    const log: string[] = [];
    const sync = new CandorSync({ candorUrl: server.url, apiToken: token, log: (t) => log.push(t) });
    assert.equal(await sync.pushAll(book.all()), 3);
    const alice = await server.store.findHostAccount('u-1001');
    assert.deepEqual(
      { name: alice?.name, email: alice?.email, phone: alice?.phone },
      { name: 'Alice Martin', email: 'alice@example.com', phone: '+33612345678' },
    );
    assert.equal((await server.store.findHostAccount('u-1003'))?.phone, null);

    book.onChange((a) => void sync.push(a));
    book.replaceContact('u-1001', 'email', 'alice.m@example.org');
    for (
      let i = 0;
      i < 50 && (await server.store.findHostAccount('u-1001'))?.email !== 'alice.m@example.org';
      i++
    )
      await new Promise((r) => setTimeout(r, 20));
    assert.equal((await server.store.findHostAccount('u-1001'))?.email, 'alice.m@example.org');
    const history = (await server.store.accountContactHistory('u-1001')).map((v) => v.value);
    assert.ok(history.includes('alice@example.com'), 'the replaced email stays on file');
    assert.deepEqual(log, []);
  });

  it('keeps a PUT Candor refused, to try it again', async () => {
    const book = new AccountBook(await demoAccounts());
    const log: string[] = [];
    const sync = new CandorSync({ candorUrl: server.url, apiToken: 'not-a-token', log: (t) => log.push(t) });
    try {
      assert.equal(await sync.push(book.find('u-1002')!), false);
      assert.deepEqual(sync.pendingIds(), ['u-1002']);
      assert.match(log[0] ?? '', /Sync of u-1002 to Candor failed \(HTTP 401/);
    } finally {
      sync.stop();
    }
  });
});
