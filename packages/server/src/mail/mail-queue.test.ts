import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MailQueue } from './mail-queue';
import type { Mail, Mailer } from './mailer';

const mail = (subject: string): Mail => ({ to: 'a@example.test', subject, text: subject, html: subject });

function flaky(failures: number): Mailer & { sent: string[]; attempts: number } {
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
  const lines: string[] = [];
  const outcomes: string[] = [];
  return {
    lines,
    outcomes,
    log: {
      warn: (_: object, msg: string) => lines.push(msg),
      error: (_: object, msg: string) => lines.push(msg),
    },
    counted: (o: string) => outcomes.push(o),
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
}

describe('mail queue (in memory)', () => {
  it('sends in order, off the caller: enqueue returns before the mail is sent', async () => {
    const mailer = flaky(0);
    const r = recorder();
    const queue = new MailQueue({ mailer, log: r.log, counted: r.counted });
    await queue.enqueue('reply', mail('one'));
    await queue.enqueue('reply', mail('two'));
    assert.deepEqual(mailer.sent, []);
    await queue.settled();
    assert.deepEqual(mailer.sent, ['one', 'two']);
    assert.deepEqual(r.outcomes, ['sent', 'sent']);
  });

  it('retries a failed send after a delay, and sends it once the server is back', async () => {
    const mailer = flaky(2);
    const r = recorder();
    const queue = new MailQueue({ mailer, log: r.log, counted: r.counted, retryDelaysMs: [1, 1, 1] });
    await queue.enqueue('reply', mail('late'));
    await until(() => mailer.sent.length === 1);
    assert.deepEqual(mailer.sent, ['late']);
    assert.deepEqual(r.outcomes, ['retried', 'retried', 'sent']);
  });

  it('gives up after the last attempt, and says so in the log and the metric', async () => {
    const mailer = flaky(100);
    const r = recorder();
    const queue = new MailQueue({ mailer, log: r.log, counted: r.counted, retryDelaysMs: [1] });
    await queue.enqueue('transcript', mail('lost'));
    await until(() => r.outcomes.includes('failed'));
    assert.deepEqual(r.outcomes, ['retried', 'failed']);
    assert.equal(mailer.attempts, 2);
    assert.ok(r.lines.includes('mail given up'));
  });

  it('counts mails still waiting for a retry as failed when the node stops', async () => {
    const mailer = flaky(100);
    const r = recorder();
    const queue = new MailQueue({ mailer, log: r.log, counted: r.counted, retryDelaysMs: [60_000] });
    await queue.enqueue('reply', mail('pending'));
    await until(() => r.outcomes.includes('retried'));
    await queue.stop();
    assert.deepEqual(r.outcomes, ['retried', 'failed']);
  });
});
