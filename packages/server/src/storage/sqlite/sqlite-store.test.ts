import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeStoreContract } from '../store.contract';
import Database from 'better-sqlite3';
import { newAgent, newConversation, T0, visitorSays } from '../contract/fixtures';
import { openSqliteStore } from './sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'candor-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
describeStoreContract('sqlite (file)', () => openSqliteStore({ file: join(dir, `contract-${++files}.db`) }));

describe('sqlite store', () => {
  it('gives an id to a session stored without one (by an older node during a rolling upgrade)', async () => {
    const file = join(dir, 'rolling.db');
    const store = await openSqliteStore({ file });
    await store.migrate();
    const agent = await newAgent(store);
    const raw = new Database(file);
    raw
      .prepare('insert into sessions (token_hash, agent_id, expires_at, created_at) values (?, ?, ?, ?)')
      .run('old-node-hash', agent.id, T0 + 1000, T0);
    raw.close();
    const first = await store.findSession('old-node-hash', T0);
    assert.ok(first?.session.id);
    assert.equal((await store.findSession('old-node-hash', T0))?.session.id, first.session.id);
    assert.deepEqual(
      (await store.listSessions(agent.id, T0)).map((s) => s.id),
      [first.session.id],
    );
    assert.deepEqual(await store.liveSessionIds([first.session.id], T0), new Set([first.session.id]));
    await store.close();
  });

  it('keeps everything across close and reopen', async () => {
    const file = join(dir, 'nested', 'deeper', 'candor.db'); // parent folders are created
    const first = await openSqliteStore({ file });
    await first.migrate();
    const { conversation, visitorId } = await newConversation(first);
    await first.appendMessage(conversation.id, visitorSays(visitorId, 'still here?'));
    await first.close();
    assert.ok(existsSync(file));

    const again = await openSqliteStore({ file });
    await again.migrate();
    const messages = await again.listMessages(conversation.id, 0, 10);
    assert.deepEqual(
      messages.map((m) => [m.seq, m.body]),
      [
        [1, 'hello'],
        [2, 'still here?'],
      ],
    );
    const next = await again.appendMessage(conversation.id, visitorSays(visitorId, 'yes'));
    assert.equal(next.message.seq, 3);
    await again.close();
  });

  it('works in memory', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    await store.migrate();
    await store.ping();
    assert.equal(await store.countAgents(), 0);
    await store.close();
  });
});
