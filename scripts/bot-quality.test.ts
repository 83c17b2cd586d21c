import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recordedFigures, runQuestionSet } from './bot-question-set';
import { drops } from '../packages/server/src/domain/bot/question-set/score';

describe('the bot on the labelled question set', () => {
  it('stays within 3 points of every recorded figure (top-1, top-3, answered right, handed over)', () => {
    const { table } = runQuestionSet();
    assert.deepEqual(drops(recordedFigures(), table), []);
  });

  it('the check fails when a figure drops more than 3 points', () => {
    const row = { answerable: 100, top1: 80, top3: 95, answeredRight: 75, unanswerable: 10, handedOver: 90 };
    assert.deepEqual(drops({ 'fr train': row }, { 'fr train': { ...row, top1: 77 } }), []);
    assert.deepEqual(drops({ 'fr train': row }, { 'fr train': { ...row, top1: 76.9 } }), [
      'fr train top1: 76.9% (recorded 80%)',
    ]);
  });
});
