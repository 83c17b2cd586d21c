import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatSkillList, parseSkillList, skillListProblem } from './skill-list';

describe('required skills as typed', () => {
  it('splits on commas, trims, drops empty ones and repeats', () => {
    assert.deepEqual(parseSkillList(' german ,billing  de,, german,'), ['german', 'billing de']);
    assert.deepEqual(parseSkillList('   '), []);
    assert.equal(formatSkillList(['german', 'billing de']), 'german, billing de');
  });

  it('says what the server would refuse before sending', () => {
    assert.equal(skillListProblem(['a', 'b']), null);
    assert.match(skillListProblem(Array.from({ length: 11 }, (_, i) => `s${i}`)) ?? '', /At most 10/);
    assert.match(skillListProblem(['x'.repeat(41)]) ?? '', /longer than 40/);
  });
});
