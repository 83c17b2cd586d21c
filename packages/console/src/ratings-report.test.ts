import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { averageText, defaultFilters, filterProblem, headline, reportQuery, shares } from './ratings-report';

const any = { inboxId: '', agentId: '' };

describe('ratings report', () => {
  it('sends whole days in the admin’s calendar: from the first midnight to the midnight after the last day', () => {
    const params = new URLSearchParams(reportQuery({ from: '2026-12-01', to: '2026-12-03', ...any }));
    const from = Date.parse(params.get('from') ?? '');
    const to = Date.parse(params.get('to') ?? '');
    assert.equal(new Date(from).getDate(), 1);
    assert.equal(new Date(from).getHours(), 0);
    assert.equal(new Date(to).getDate(), 4, 'the last day is included');
    assert.equal(new Date(to).getHours(), 0);
    assert.equal(params.has('inbox'), false);
  });

  it('passes the inbox and agent, leaves out empty or impossible dates, and adds paging', () => {
    const params = new URLSearchParams(
      reportQuery({ from: '', to: '2026-02-30x', inboxId: 'default', agentId: 'a 1' }, { limit: '20' }),
    );
    assert.equal(params.get('inbox'), 'default');
    assert.equal(params.get('agent'), 'a 1');
    assert.equal(params.get('limit'), '20');
    assert.equal(params.has('from'), false);
    assert.equal(params.has('to'), false);
  });

  it('refuses a start after the end, in English and French', () => {
    const backwards = { from: '2026-12-05', to: '2026-12-01', ...any };
    assert.equal(filterProblem(backwards, 'en'), 'The start date is after the end date.');
    assert.equal(filterProblem(backwards, 'fr'), 'La date de début est après la date de fin.');
    assert.equal(filterProblem({ ...backwards, to: '2026-12-05' }, 'en'), undefined);
  });

  it('starts on the last 30 days, today included', () => {
    const f = defaultFilters(new Date(2026, 11, 30, 15));
    assert.deepEqual([f.from, f.to], ['2026-12-01', '2026-12-30']);
  });

  it('words the average and the shares of each score', () => {
    assert.equal(averageText(4.33, 'en'), '4.33 / 5');
    assert.equal(averageText(4.5, 'fr'), '4,5 / 5');
    assert.equal(averageText(null, 'en'), 'No rating yet');
    assert.deepEqual(shares([1, 0, 1, 1, 2]), [20, 0, 20, 20, 40]);
    assert.deepEqual(shares([0, 0, 0, 0, 0]), [0, 0, 0, 0, 0]);
    assert.equal(headline({ count: 3, average: 3.67 }, 'en'), '3.67 / 5 · 3 ratings');
    assert.equal(headline({ count: 1, average: 5 }, 'fr'), '5 / 5 · 1 évaluation');
    assert.equal(headline({ count: 0, average: null }, 'fr'), 'Aucune évaluation');
  });
});
