import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Schedule } from '@candor/protocol';
import {
  checkHoursForm,
  defaultForm,
  formOf,
  hasProblems,
  holidayName,
  scheduleOf,
  serverProblems,
  withHoliday,
  withHolidayField,
  withoutHoliday,
  withoutRange,
  withRange,
  withRangeTime,
} from './hours-form';

const schedule: Schedule = {
  timeZone: 'Europe/Paris',
  weekly: [
    { day: 'mon', open: '14:00', close: '18:00' },
    { day: 'mon', open: '09:00', close: '12:00' },
    { day: 'sat', open: '20:00', close: '24:00' },
  ],
  holidays: ['2026-12-25', '2026-01-01'],
  holidayLabels: { '2026-12-25': 'Noël' },
};

describe('business hours form', () => {
  it('holds several ranges a day in order, closed days empty, holidays by date with their labels', () => {
    const form = formOf(schedule);
    assert.deepEqual(form.days.mon, [
      { open: '09:00', close: '12:00' },
      { open: '14:00', close: '18:00' },
    ]);
    assert.deepEqual(form.days.tue, [], 'a day without ranges is closed');
    assert.deepEqual(form.days.sat, [{ open: '20:00', close: '00:00' }], 'midnight fits a time field');
    assert.deepEqual(form.holidays, [
      { date: '2026-01-01', label: '' },
      { date: '2026-12-25', label: 'Noël' },
    ]);
  });

  it('gives back the same schedule, midnight as 24:00 and blank labels left out', () => {
    const back = scheduleOf(formOf(schedule));
    assert.deepEqual(
      [...back.weekly].sort((a, b) => `${a.day}${a.open}`.localeCompare(`${b.day}${b.open}`)),
      [...schedule.weekly].sort((a, b) => `${a.day}${a.open}`.localeCompare(`${b.day}${b.open}`)),
    );
    assert.deepEqual(back.holidayLabels, { '2026-12-25': 'Noël' });
    const unlabelled = withHolidayField(formOf(schedule), 1, 'label', '   ');
    assert.equal(scheduleOf(unlabelled).holidayLabels, undefined);
  });

  it('starts an inbox without hours on weekdays 9 to 5 in the given zone', () => {
    const form = defaultForm('America/New_York');
    assert.equal(form.timeZone, 'America/New_York');
    assert.deepEqual(form.days.fri, [{ open: '09:00', close: '17:00' }]);
    assert.deepEqual(form.days.sun, []);
  });

  it('adds a range after the last one, removes one, and edits one time', () => {
    let form = withRange(defaultForm('UTC'), 'mon');
    assert.deepEqual(form.days.mon[1], { open: '17:00', close: '18:00' });
    form = withRange(form, 'sun');
    assert.deepEqual(form.days.sun, [{ open: '09:00', close: '17:00' }]);
    form = withRangeTime(form, { day: 'mon', k: 0, edge: 'close' }, '12:30');
    assert.equal(form.days.mon[0]?.close, '12:30');
    form = withoutRange(form, 'mon', 0);
    assert.deepEqual(form.days.mon, [{ open: '17:00', close: '18:00' }]);
  });

  it('says what is wrong next to the day or the holiday, in English and French', () => {
    let form = withRangeTime(defaultForm('Europe/Paris'), { day: 'tue', k: 0, edge: 'close' }, '08:00');
    form = withRange(form, 'wed');
    form = withRangeTime(form, { day: 'wed', k: 1, edge: 'open' }, '16:00');
    form = withHoliday(withHoliday(form));
    form = withHolidayField(form, 0, 'date', '2026-05-01');
    form = withHolidayField(form, 1, 'date', '2026-05-01');
    const en = checkHoursForm(form, 'en');
    assert.equal(hasProblems(en), true);
    assert.equal(en.days.tue, 'A range closes before it opens.');
    assert.equal(en.days.wed, 'Two ranges overlap.');
    assert.equal(en.days.mon, undefined);
    assert.equal(en.holidays[0], undefined);
    assert.equal(en.holidays[1], 'This date is already a holiday.');
    assert.equal(checkHoursForm(form, 'fr').days.wed, 'Deux plages se chevauchent.');

    const blank = withHoliday(withRangeTime(defaultForm(''), { day: 'mon', k: 0, edge: 'open' }, ''));
    const problems = checkHoursForm(blank, 'en');
    assert.equal(problems.timeZone, 'Choose a time zone.');
    assert.equal(problems.days.mon, 'Give every range an opening and a closing time.');
    assert.equal(problems.holidays[0], 'Give the holiday a date.');
    const long = withHolidayField(
      withHolidayField(withHoliday(defaultForm('UTC')), 0, 'date', '2026-05-08'),
      0,
      'label',
      'x'.repeat(61),
    );
    assert.equal(checkHoursForm(long, 'en').holidays[0], 'A label is at most 60 characters.');
    assert.equal(hasProblems(checkHoursForm(withoutHoliday(long, 0), 'en')), false);
  });

  it("places the server's refusal next to the field it names, or above the form", () => {
    const form = formOf(schedule);
    assert.equal(
      serverProblems('Unknown time zone: use an IANA name such as Europe/Paris.', form).timeZone,
      'Unknown time zone: use an IANA name such as Europe/Paris.',
    );
    assert.equal(serverProblems('Intervals on wed overlap.', form).days.wed, 'Intervals on wed overlap.');
    assert.equal(
      serverProblems('Times on sat are HH:MM, from 00:00 to 24:00.', form).days.sat,
      'Times on sat are HH:MM, from 00:00 to 24:00.',
    );
    assert.match(serverProblems('Holidays are dates as YYYY-MM-DD.', form).holidays[0] ?? '', /Holidays/);
    assert.equal(serverProblems('Admins only.', form).form, 'Admins only.');
  });

  it('names a holiday by its day and month for its remove button', () => {
    assert.equal(holidayName('2026-12-25', 'en'), '25 December');
    assert.equal(holidayName('2026-12-25', 'fr'), '25 décembre');
    assert.equal(holidayName('', 'en'), '');
  });
});
