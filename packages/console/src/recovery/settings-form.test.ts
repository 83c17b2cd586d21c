import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoverySettings } from '@candor/protocol';
import { changedByServer, fieldOfServerError, formFromSettings, readSettingsForm } from './settings-form';

const settings: RecoverySettings = {
  teamId: null,
  recentlyReplacedDays: 30,
  actions: {
    unlock: { approval: false, coolingOffHours: 0 },
    reset_second_factor: { approval: true, coolingOffHours: 0 },
    change_contact: { approval: true, coolingOffHours: 24 },
  },
};

describe('recovery settings form', () => {
  it('reads back what it was filled with', () => {
    assert.deepEqual(readSettingsForm(formFromSettings(settings)), { ok: true, settings });
  });

  it('reads a team, and hours typed with a decimal comma', () => {
    const form = formFromSettings(settings);
    form.teamId = 't-recovery';
    form.actions.change_contact.coolingOffHours = '1,5';
    const read = readSettingsForm(form);
    assert.equal(read.ok, true);
    if (!read.ok) return;
    assert.equal(read.settings.teamId, 't-recovery');
    assert.equal(read.settings.actions.change_contact.coolingOffHours, 1.5);
  });

  it('names each field out of range, and sends nothing', () => {
    const form = formFromSettings(settings);
    form.recentlyReplacedDays = '91';
    form.actions.unlock.coolingOffHours = '';
    form.actions.change_contact.coolingOffHours = '721';
    assert.deepEqual(readSettingsForm(form), {
      ok: false,
      errors: {
        recentlyReplacedDays: 'daysInvalid',
        'actions.unlock.coolingOffHours': 'hoursInvalid',
        'actions.change_contact.coolingOffHours': 'hoursInvalid',
      },
    });
    form.recentlyReplacedDays = '2.5';
    form.actions.unlock.coolingOffHours = '-1';
    form.actions.change_contact.coolingOffHours = '24';
    const read = readSettingsForm(form);
    assert.equal(read.ok, false);
    if (read.ok) return;
    assert.deepEqual(Object.keys(read.errors).sort(), [
      'actions.unlock.coolingOffHours',
      'recentlyReplacedDays',
    ]);
  });

  it('places a server refusal beside the field it names, or nowhere', () => {
    assert.equal(
      fieldOfServerError(
        'Invalid body at "actions.unlock.coolingOffHours": Too big: expected number to be <=720.',
      ),
      'actions.unlock.coolingOffHours',
    );
    assert.equal(
      fieldOfServerError('Invalid body at "recentlyReplacedDays": Too small.'),
      'recentlyReplacedDays',
    );
    assert.equal(
      fieldOfServerError('Invalid body at "actions.reset_second_factor": Required.'),
      'actions.reset_second_factor.coolingOffHours',
    );
    assert.equal(fieldOfServerError('Invalid body at "": Unrecognized key: "floor".'), null);
    assert.equal(fieldOfServerError('A second-factor reset always needs approval.'), null);
  });

  it('tells when the server stored something else than what was sent (raised to its floor)', () => {
    assert.equal(changedByServer(settings, structuredClone(settings)), false);
    const loose = structuredClone(settings);
    loose.actions.reset_second_factor.approval = false;
    assert.equal(changedByServer(loose, settings), true);
    assert.equal(changedByServer({ ...settings, recentlyReplacedDays: 7 }, settings), true);
  });
});
