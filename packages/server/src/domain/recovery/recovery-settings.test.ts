import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_RECOVERY_SETTINGS,
  changedSettings,
  effectiveSettings,
  recentlyReplacedMs,
  requirementOf,
} from './recovery-settings';

describe('recovery settings', () => {
  it('starts at the floor: unlock at once, a second-factor reset approved, a contact change approved and cooled off a day', () => {
    assert.deepEqual(DEFAULT_RECOVERY_SETTINGS.actions, {
      unlock: { approval: false, coolingOffHours: 0 },
      reset_second_factor: { approval: true, coolingOffHours: 0 },
      change_contact: { approval: true, coolingOffHours: 24 },
    });
    assert.equal(recentlyReplacedMs(DEFAULT_RECOVERY_SETTINGS), 30 * 24 * 60 * 60_000);
  });

  it('lets an admin make an action stricter', () => {
    const s = changedSettings(DEFAULT_RECOVERY_SETTINGS, {
      actions: {
        unlock: { approval: true, coolingOffHours: 2 },
        reset_second_factor: { approval: true, coolingOffHours: 48 },
        change_contact: { approval: true, coolingOffHours: 72 },
      },
    });
    assert.deepEqual(requirementOf(s, 'unlock'), { approval: true, coolingOffMs: 2 * 60 * 60_000 });
    assert.equal(s.actions.change_contact.coolingOffHours, 72);
  });

  it('never lets a setting lower the floor, however it is written', () => {
    const s = changedSettings(DEFAULT_RECOVERY_SETTINGS, {
      actions: {
        unlock: { approval: false, coolingOffHours: 0 },
        reset_second_factor: { approval: false, coolingOffHours: 0 },
        change_contact: { approval: false, coolingOffHours: 0 },
      },
    });
    assert.deepEqual(s.actions, DEFAULT_RECOVERY_SETTINGS.actions);
    for (const raw of [
      { actions: { change_contact: { approval: 'no', coolingOffHours: -5 } } },
      { actions: { change_contact: { coolingOffHours: Number.NaN } } },
      { actions: { change_contact: null }, recentlyReplacedDays: 10_000 },
      '{"not":"an object"}',
      null,
    ])
      assert.deepEqual(effectiveSettings(raw), DEFAULT_RECOVERY_SETTINGS, JSON.stringify(raw));
  });

  it('keeps what a change leaves out', () => {
    const s = changedSettings({ ...DEFAULT_RECOVERY_SETTINGS, teamId: 't-1' }, { recentlyReplacedDays: 7 });
    assert.equal(s.teamId, 't-1');
    assert.equal(s.recentlyReplacedDays, 7);
    assert.equal(changedSettings(s, { teamId: null }).teamId, null);
  });
});
