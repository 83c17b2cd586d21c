import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchedAccount, parseClaim } from './account-claim';

describe('the account a visitor names', () => {
  it('is looked up as typed, and as an email or phone normalised like those on file', () => {
    assert.deepEqual(parseClaim('  Elodie@Example.COM '), {
      externalId: 'Elodie@Example.COM',
      contact: { channel: 'email', value: 'elodie@example.com' },
    });
    assert.deepEqual(parseClaim('+33 6 12-34.56 78').contact, { channel: 'phone', value: '+33612345678' });
    assert.deepEqual(parseClaim('elodie_92'), { externalId: 'elodie_92', contact: undefined });
    assert.equal(parseClaim('12345').contact, undefined); // too short for a phone
  });

  it('is the external id first, then a current contact, then the latest recently replaced one', () => {
    const now = 1_000_000_000;
    const base = { now, recentMs: 30_000 };
    assert.equal(
      matchedAccount({ ...base, byExternalId: 'u-1', byContact: [{ externalId: 'u-2', replacedAt: null }] }),
      'u-1',
    );
    assert.equal(
      matchedAccount({
        ...base,
        byExternalId: undefined,
        byContact: [
          { externalId: 'old', replacedAt: now - 10 },
          { externalId: 'now', replacedAt: null },
        ],
      }),
      'now',
    );
    assert.equal(
      matchedAccount({
        ...base,
        byExternalId: undefined,
        byContact: [
          { externalId: 'older', replacedAt: now - 20_000 },
          { externalId: 'newer', replacedAt: now - 10_000 },
        ],
      }),
      'newer',
    );
    assert.equal(
      matchedAccount({
        ...base,
        byExternalId: undefined,
        byContact: [{ externalId: 'gone', replacedAt: now - 40_000 }],
      }),
      null,
    );
    assert.equal(matchedAccount({ ...base, byExternalId: undefined, byContact: [] }), null);
  });
});
