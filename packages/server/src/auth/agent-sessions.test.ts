import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dummyHash } from './agent-sessions';
import { hashPassword } from './password';

/** scrypt$cost$r$p: everything that decides how long a check takes. */
const params = (hash: string) => hash.split('$').slice(0, 4).join('$');

describe('login of an unknown email', () => {
  it('is checked against a hash of the configured cost, as a known email is', async () => {
    for (const cost of [10, 11]) {
      assert.equal(params(await dummyHash(cost)), params(await hashPassword('x', cost)));
    }
  });
});
