/** The `candor` command as an operator runs it, beside a running server on the same database. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CLOSE_CODES } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from './testing/test-server';
import { logIn, TestClient } from './testing/test-client';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('candor reset-password', () => {
  let server: TestServer;
  const candor = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { ...process.env, CANDOR_DATA_DIR: server.dataDir, CANDOR_PASSWORD_COST: '10', ...env },
    });

  before(async () => {
    server = await startTestServer({ heartbeatMs: 200 });
  });
  after(() => server.close());

  it('prints a new password once, ends the sessions and signs the open console out', async () => {
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    const { client } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    const { stdout } = await candor(['reset-password', ADMIN.email.toUpperCase()]);
    const password = /shown once\): (\S+)/.exec(stdout)?.[1];
    assert.ok(password && password.length >= 24, stdout);
    assert.match(stdout, /1 session\(s\) ended/);
    // The CLI has no bus: the server notices on its heartbeat that the session is gone.
    assert.equal(await client.closed(5000), CLOSE_CODES.loggedOut);
    assert.equal((await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).status, 401);
    await assert.rejects(logIn(server.url, ADMIN.email, ADMIN.password), /401/);
    await logIn(server.url, ADMIN.email, password);
  });

  it('takes a chosen password from CANDOR_NEW_PASSWORD without printing it, and refuses a short one', async () => {
    const chosen = 'a-chosen-admin-password';
    const { stdout } = await candor(['reset-password', ADMIN.email], { CANDOR_NEW_PASSWORD: chosen });
    assert.equal(stdout.includes(chosen), false);
    await logIn(server.url, ADMIN.email, chosen);
    await assert.rejects(
      candor(['reset-password', ADMIN.email], { CANDOR_NEW_PASSWORD: 'short' }),
      /12 characters/,
    );
    await assert.rejects(candor(['reset-password', 'nobody@example.test']), /No agent/);
  });
});
