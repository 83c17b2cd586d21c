/**
 * The purge as a node runs it, on a clock the test moves: visitors who never started a conversation go
 * once unused for the configured time; a visitor whose token came back recently stays, and so does
 * anyone with a conversation. Expired limit states go too.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { identifyVisitor } from '../auth/visitor-identity';
import { openSqliteStore } from '../storage/sqlite/sqlite-store';
import type { Store } from '../storage/store';
import { visitorSays } from '../storage/contract/fixtures';
import { runHousekeeping } from './housekeeping';

const HOUR = 3_600_000;
const T0 = 1_760_000_000_000;
const silent = { error: () => undefined, warn: () => undefined, info: () => undefined };

describe('housekeeping', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-housekeeping-'));
  let store: Store;
  before(async () => {
    store = await openSqliteStore({ file: join(dir, 'candor.db') });
    await store.migrate();
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('purges idle visitors without a conversation, and keeps those in use or who talked', async () => {
    const arrive = (now: number) =>
      identifyVisitor(store, undefined, { locale: null, now, idleMs: 30 * 24 * HOUR });
    const idle = await arrive(T0);
    const returning = await arrive(T0);
    const talked = await arrive(T0);
    await store.startConversation(
      { id: 'c-1', inboxId: 'default', visitorId: talked.visitor.id },
      visitorSays(talked.visitor.id, 'hello', { now: T0 }),
    );
    const resumed = await identifyVisitor(store, returning.newToken, {
      locale: null,
      now: T0 + 20 * HOUR,
      idleMs: 30 * 24 * HOUR,
    });
    assert.equal(resumed.visitor.id, returning.visitor.id);
    await store.swapLimit('new-visitor:203.0.113.9', 0, {
      hits: 1,
      windowStart: T0,
      blockedUntil: 0,
      expiresAt: T0 + 60_000,
    });

    const deps = { store, log: silent, visitorIdleMs: 24 * HOUR };
    assert.deepEqual(await runHousekeeping({ ...deps, now: () => T0 + 23 * HOUR }), {
      visitors: 0,
      limits: 1,
    });
    // Two nodes at once: each row goes once, neither fails.
    const runs = await Promise.all([1, 2].map(() => runHousekeeping({ ...deps, now: () => T0 + 25 * HOUR })));
    assert.equal(runs[0]!.visitors + runs[1]!.visitors, 1);

    assert.equal(await store.findVisitorById(idle.visitor.id), undefined);
    assert.ok(await store.findVisitorById(returning.visitor.id), 'its token was used 5 hours ago');
    assert.ok(await store.findVisitorById(talked.visitor.id), 'it has a conversation');
    const again = await identifyVisitor(store, idle.newToken, {
      locale: null,
      now: T0 + 25 * HOUR,
      idleMs: 30 * 24 * HOUR,
    });
    assert.notEqual(again.visitor.id, idle.visitor.id, 'a purged token is unknown: a new visitor');
  });
});
