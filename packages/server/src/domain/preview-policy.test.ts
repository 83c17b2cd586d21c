import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { voidsSwitches } from './preview-policy';

describe('preview policy changes', () => {
  it('tightening to opt_in or off turns the switches off', () => {
    assert.equal(voidsSwitches('on_with_notice', 'opt_in'), true);
    assert.equal(voidsSwitches('on_with_notice', 'off'), true);
    assert.equal(voidsSwitches('opt_in', 'off'), true);
    // Off then opt_in: a switch left on from before the policy was off is not an opt-in either.
    assert.equal(voidsSwitches('off', 'opt_in'), true);
  });

  it('loosening, or saving the same policy again, keeps what visitors chose', () => {
    assert.equal(voidsSwitches('opt_in', 'on_with_notice'), false);
    assert.equal(voidsSwitches('off', 'on_with_notice'), false);
    assert.equal(voidsSwitches('opt_in', 'opt_in'), false);
    assert.equal(voidsSwitches('on_with_notice', 'on_with_notice'), false);
  });
});
