import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { referenceOf, settingsOf } from './responses';

describe('recovery responses', () => {
  const settings = {
    teamId: null,
    recentlyReplacedDays: 30,
    actions: {
      unlock: { approval: false, coolingOffHours: 0 },
      reset_second_factor: { approval: true, coolingOffHours: 0 },
      change_contact: { approval: true, coolingOffHours: 24 },
    },
  };
  const reference = { reference: 'CND-7K2Q-9XPA', issuedAt: 1, expiresAt: 2 };

  it('reads settings bare or wrapped', () => {
    assert.deepEqual(settingsOf(settings), settings);
    assert.deepEqual(settingsOf({ settings }), settings);
  });

  it('reads a support reference bare or wrapped', () => {
    assert.deepEqual(referenceOf(reference), reference);
    assert.deepEqual(referenceOf({ reference }), reference);
  });
});
