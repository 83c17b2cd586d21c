/** Suites that need a real server (PostgreSQL, Redis, NATS, a browser). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

/** describe() that skips with `reason`, except under CI, where a missing server fails. */
export function describeIf(name: string, reason: string | undefined, body: () => void): void {
  if (reason !== undefined && process.env.CI) {
    describe(name, () => it('has its server (required when CI is set)', () => assert.fail(reason)));
  } else if (reason !== undefined) {
    describe(name, { skip: reason }, () => it('needs its server', () => undefined));
  } else {
    describe(name, body);
  }
}
