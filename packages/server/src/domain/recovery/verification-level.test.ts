import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verificationLevel } from './verification-level';

const NOW = 1_750_000_000_000;
const proof = (standing: 'current' | 'recently_replaced', at = NOW - 60_000) => ({
  accountId: 'acct',
  purpose: 'unlock' as const,
  standing,
  at,
});

describe('verification level', () => {
  it('names the strongest fresh proof of that account and purpose', () => {
    assert.equal(
      verificationLevel([proof('recently_replaced'), proof('current')], 'acct', 'unlock', NOW),
      'code_current',
    );
    assert.equal(
      verificationLevel([proof('recently_replaced')], 'acct', 'unlock', NOW),
      'code_recently_replaced',
    );
  });

  it('counts no proof of another account, another purpose, or too old', () => {
    assert.equal(verificationLevel([proof('current')], 'other', 'unlock', NOW), 'none');
    assert.equal(verificationLevel([proof('current')], 'acct', 'change_contact', NOW), 'none');
    assert.equal(verificationLevel([proof('current', NOW - 2 * 60 * 60_000)], 'acct', 'unlock', NOW), 'none');
  });
});
