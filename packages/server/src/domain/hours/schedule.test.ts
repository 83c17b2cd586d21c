import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keptHolidayLabels, scheduleProblem, type Schedule } from './schedule';

const base: Schedule = {
  timeZone: 'Europe/Paris',
  weekly: [
    { day: 'mon', open: '09:00', close: '12:00' },
    { day: 'mon', open: '12:00', close: '24:00' },
  ],
  holidays: ['2026-12-25'],
};
const problem = (patch: Partial<Schedule>) => scheduleProblem({ ...base, ...patch });

describe('schedule validation', () => {
  it('accepts touching intervals, a close at 24:00 and real dates', () => {
    assert.equal(scheduleProblem(base), undefined);
  });

  it('refuses unknown zones and offsets, with a sentence naming the problem', () => {
    for (const timeZone of ['Mars/Olympus', '+01:00', '', 'Europe/Paris\u0000', 'x'.repeat(500)])
      assert.match(problem({ timeZone }) ?? '', /Unknown time zone/);
  });

  it('refuses inverted, empty, overlapping and impossible intervals', () => {
    const one = (open: string, close: string) => problem({ weekly: [{ day: 'tue', open, close }] });
    assert.match(one('17:00', '09:00') ?? '', /closes before it opens/);
    assert.match(one('09:00', '09:00') ?? '', /closes before it opens/);
    assert.match(one('25:00', '26:00') ?? '', /HH:MM/);
    assert.match(one('9:00', '10:00') ?? '', /HH:MM/);
    assert.match(one('24:00', '24:00') ?? '', /HH:MM/);
    const overlap = problem({
      weekly: [
        { day: 'wed', open: '09:00', close: '13:00' },
        { day: 'wed', open: '12:00', close: '18:00' },
      ],
    });
    assert.match(overlap ?? '', /overlap/);
  });

  it('refuses impossible holidays and absurd sizes', () => {
    assert.match(problem({ holidays: ['2026-02-30'] }) ?? '', /YYYY-MM-DD/);
    const many = Array.from({ length: 100 }, () => ({ day: 'mon' as const, open: '09:00', close: '10:00' }));
    assert.match(problem({ weekly: many }) ?? '', /At most/);
    assert.match(problem({ holidays: Array.from({ length: 1000 }, () => '2026-01-01') }) ?? '', /At most/);
  });

  it('names holidays: only dates that are holidays, labels of a bounded length, blank ones dropped', () => {
    assert.equal(problem({ holidayLabels: { '2026-12-25': 'Christmas' } }), undefined);
    assert.match(problem({ holidayLabels: { '2026-12-24': 'Eve' } }) ?? '', /not a holiday/);
    assert.match(problem({ holidayLabels: { '2026-12-25': 'x'.repeat(61) } }) ?? '', /at most 60/);
    assert.deepEqual(
      keptHolidayLabels({ ...base, holidayLabels: { '2026-12-25': '  Noël ', '2026-01-01': ' ' } }),
      { '2026-12-25': 'Noël' },
    );
    assert.equal(keptHolidayLabels({ ...base, holidayLabels: { '2026-12-25': '' } }), undefined);
  });
});
