/**
 * The mail queue with a store (a real SQLite file): mails wait in it until sent or given up, survive the
 * node, are claimed by one node at a time, and secret ones are never written to it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { openSqliteStore } from '../storage/sqlite/sqlite-store';
import type { Store } from '../storage/store';
import { MailQueue, type MailQueueDeps } from './mail-queue';
import type { Mail, Mailer } from './mailer';

const dir = mkdtempSync(join(tmpdir(), 'candor-mailq-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const mail = (subject: string): Mail => ({ to: 'a@example.test', subject, text: subject, html: subject });
const FAR = Date.now() + 10 ** 9;

function mailer(failures = 0): Mailer & { sent: string[]; attempts: number } {
  const m = {
    sent: [] as string[],
    attempts: 0,
    send(x: Mail) {
      m.attempts += 1;
      if (m.attempts <= failures) return Promise.reject(new Error('server down'));
      m.sent.push(x.subject);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  return m;
}

function recorder() {
  const lines: { msg: string; obj: object }[] = [];
  const outcomes: string[] = [];
  return {
    lines,
    outcomes,
    log: {
      warn: (obj: object, msg: string) => lines.push({ obj, msg }),
      error: (obj: object, msg: string) => lines.push({ obj, msg }),
    },
    counted: (o: string) => outcomes.push(o),
  };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), 'timed out');
}

describe('mail queue (in the store)', () => {
  let store: Store;
  let files = 0;
  const queues: MailQueue[] = [];
  const queue = (deps: Omit<MailQueueDeps, 'store'>) => {
    const q = new MailQueue({ pollMs: 20, ...deps, store });
    queues.push(q);
    return q;
  };
  /** What the store still holds, claimed far in the future (so, leased: call once per test, at its end). */
  const held = async () => store.claimDueMail({ now: FAR, limit: 1000, leaseMs: 1 });

  beforeEach(async () => {
    store = await openSqliteStore({ file: join(dir, `queue-${++files}.db`) });
    await store.migrate();
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
    await store.close();
  });

  it('keeps the mail before enqueue resolves, sends it off the caller, then deletes it', async () => {
    const m = mailer();
    const r = recorder();
    const q = queue({ mailer: m, log: r.log, counted: r.counted });
    await q.enqueue('transcript', mail('one'));
    await q.enqueue('transcript', mail('two'));
    assert.deepEqual(m.sent, []);
    await q.settled();
    assert.deepEqual(m.sent, ['one', 'two']);
    assert.deepEqual(r.outcomes, ['sent', 'sent']);
    assert.deepEqual(await held(), []);
  });

  it('retries on the schedule, counting attempts in the row, and sends once the server is back', async () => {
    const m = mailer(2);
    const r = recorder();
    const q = queue({ mailer: m, log: r.log, counted: r.counted, retryDelaysMs: [1, 1, 1] });
    await q.enqueue('reply', mail('late'));
    await until(() => m.sent.length === 1);
    assert.deepEqual(r.outcomes, ['retried', 'retried', 'sent']);
    assert.deepEqual(
      r.lines.map((l) => l.obj),
      [
        { kind: 'reply', attempt: 1, err: 'Error: server down' },
        { kind: 'reply', attempt: 2, err: 'Error: server down' },
      ],
      'the kind, never the address or content',
    );
    assert.deepEqual(await held(), []);
  });

  it('gives up past the last delay: deleted, logged and counted as failed', async () => {
    const m = mailer(100);
    const r = recorder();
    const q = queue({ mailer: m, log: r.log, counted: r.counted, retryDelaysMs: [1] });
    await q.enqueue('transcript', mail('lost'));
    await until(() => r.outcomes.includes('failed'));
    assert.deepEqual(r.outcomes, ['retried', 'failed']);
    assert.equal(m.attempts, 2);
    assert.ok(r.lines.some((l) => l.msg === 'mail given up'));
    assert.deepEqual(await held(), []);
  });

  it('a mail waiting for its retry when the node stops is sent by the next start, not given up', async () => {
    const down = mailer(100);
    const r = recorder();
    const first = queue({ mailer: down, log: r.log, counted: r.counted, retryDelaysMs: [60_000] });
    await first.enqueue('recovery-stop-notice', mail('stop this change'));
    await until(() => r.outcomes.includes('retried'));
    await first.stop();
    assert.deepEqual(r.outcomes, ['retried']);
    // The next start, a minute later, when the SMTP server is back.
    const up = mailer();
    const next = queue({ mailer: up, log: r.log, counted: r.counted, now: () => Date.now() + 60_000 });
    next.start();
    await until(() => up.sent.length === 1);
    await next.settled();
    assert.deepEqual(up.sent, ['stop this change']);
    assert.deepEqual(await held(), []);
  });

  it('a mail whose sender died mid-send is sent by another node once the lease ends', async () => {
    let die: (err: Error) => void = () => undefined;
    const hung: Mailer = {
      send: () => new Promise((_, reject) => (die = reject)),
      close: () => Promise.resolve(),
    };
    const r = recorder();
    const dying = queue({ mailer: hung, log: r.log, leaseMs: 100 });
    await dying.enqueue('transcript', mail('again'));
    const other = mailer();
    const alive = queue({ mailer: other, log: r.log, leaseMs: 100 });
    alive.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(other.sent, [], 'not while the lease holds');
    await until(() => other.sent.length === 1);
    die(new Error('node died'));
    await dying.stop();
    assert.deepEqual(other.sent, ['again']);
    assert.deepEqual(await held(), []);
  });

  it('two nodes sharing the queue send each mail once', async () => {
    const a = mailer();
    const b = mailer();
    const qa = queue({ mailer: a, log: recorder().log });
    const qb = queue({ mailer: b, log: recorder().log });
    qa.start();
    qb.start();
    const subjects = Array.from({ length: 30 }, (_, i) => `mail ${i}`);
    await Promise.all(subjects.map((s, i) => (i % 2 ? qa : qb).enqueue('reply', mail(s))));
    await until(() => a.sent.length + b.sent.length >= subjects.length);
    await Promise.all([qa.settled(), qb.settled()]);
    assert.deepEqual([...a.sent, ...b.sent].sort(), [...subjects].sort());
    assert.deepEqual(await held(), []);
  });

  it('a secret mail is never written to the store; stopping gives it up, as in memory', async () => {
    const queued: string[] = [];
    const spied: Store = Object.create(store) as Store;
    spied.queueMail = (m) => {
      queued.push(m.kind);
      return store.queueMail(m);
    };
    const m = mailer(100);
    const r = recorder();
    const q = new MailQueue({
      mailer: m,
      log: r.log,
      counted: r.counted,
      store: spied,
      retryDelaysMs: [60_000],
    });
    queues.push(q);
    await q.enqueue('recovery-code', mail('code 123456'), { secret: true });
    await until(() => r.outcomes.includes('retried'));
    assert.deepEqual(queued, []);
    assert.deepEqual(await held(), []);
    await q.stop();
    assert.deepEqual(r.outcomes, ['retried', 'failed']);
  });

  it('a store that cannot take the mail rejects the enqueue: the caller knows it was not kept', async () => {
    const q = queue({ mailer: mailer(), log: recorder().log });
    await store.close();
    await assert.rejects(q.enqueue('transcript', mail('nowhere')));
    store = await openSqliteStore({ file: join(dir, `queue-${++files}.db`) });
  });
});
