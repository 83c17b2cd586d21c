import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { previewStatus } from './preview-status';

describe('preview status', () => {
  it('says on when the inbox allows it and the visitor has it on', () => {
    const status = previewStatus({ policy: 'on_with_notice', enabled: true });
    assert.equal(status.label, 'Typing preview on');
    assert.equal(status.enabled, true);
    assert.match(status.explanation, /was told/);
    assert.match(status.explanation, /switch this off/);
  });

  it('says on for an opt-in inbox once the visitor turned it on', () => {
    assert.equal(previewStatus({ policy: 'opt_in', enabled: true }).label, 'Typing preview on');
  });

  it('says off when the visitor switched it off or has not opted in', () => {
    for (const policy of ['on_with_notice', 'opt_in'] as const) {
      const status = previewStatus({ policy, enabled: false });
      assert.equal(status.label, 'Typing preview off');
      assert.equal(status.enabled, false);
    }
  });

  it('says disabled for this inbox when the policy is off, whatever the visitor chose', () => {
    for (const enabled of [true, false]) {
      const status = previewStatus({ policy: 'off', enabled });
      assert.equal(status.label, 'Typing preview disabled for this inbox');
      assert.equal(status.enabled, false);
    }
  });
});
