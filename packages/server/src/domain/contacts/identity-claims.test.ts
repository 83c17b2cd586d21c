import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors';
import { checkClaims, IDENTITY_MAX_LIFETIME_MS } from './identity-claims';

const NOW = 1_750_000_000_000;
const exp = (ms: number) => (NOW + ms) / 1000;

function code(payload: Record<string, unknown>): string {
  try {
    checkClaims(payload, NOW);
    return 'accepted';
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
}

describe('identity claims', () => {
  it('accepts sub and exp, with optional email (lower-cased) and name', () => {
    assert.deepEqual(checkClaims({ sub: 'u1', exp: exp(60_000), email: 'A@B.test', name: ' Ada ' }, NOW), {
      sub: 'u1',
      email: 'a@b.test',
      name: 'Ada',
      expiresAt: NOW + 60_000,
    });
  });

  it('exp is required, in the future, and at most 10 minutes ahead', () => {
    assert.equal(code({ sub: 'u1' }), 'identity_invalid');
    assert.equal(code({ sub: 'u1', exp: exp(-60_000) }), 'identity_expired');
    assert.equal(code({ sub: 'u1', exp: exp(IDENTITY_MAX_LIFETIME_MS) }), 'accepted');
    assert.equal(code({ sub: 'u1', exp: exp(IDENTITY_MAX_LIFETIME_MS + 60_000) }), 'identity_invalid');
  });

  it('sub is a non-empty string; email and name well formed when given', () => {
    assert.equal(code({ exp: exp(1000) }), 'identity_invalid');
    assert.equal(code({ sub: 42, exp: exp(1000) }), 'identity_invalid');
    assert.equal(code({ sub: ' ', exp: exp(1000) }), 'identity_invalid');
    assert.equal(code({ sub: 'u', exp: exp(1000), email: 'not an email' }), 'identity_invalid');
    assert.equal(code({ sub: 'u', exp: exp(1000), name: '' }), 'identity_invalid');
  });
});
