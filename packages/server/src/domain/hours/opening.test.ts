import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOpen, nextOpening } from './opening';
import { WEEKDAYS, type Schedule } from './schedule';

const weekdays9to17 = (timeZone: string, holidays: string[] = []): Schedule => ({
  timeZone,
  weekly: WEEKDAYS.slice(0, 5).map((day) => ({ day, open: '09:00', close: '17:00' })),
  holidays,
});
const at = (iso: string) => Date.parse(iso);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

describe('business hours', () => {
  const paris = weekdays9to17('Europe/Paris');

  it('is open inside an interval in the inbox zone and closed outside it', () => {
    // Wednesday 2 Dec 2026, winter: Paris is UTC+1.
    assert.equal(isOpen(paris, at('2026-12-02T08:00:00Z')), true); // 09:00 Paris
    assert.equal(isOpen(paris, at('2026-12-02T07:59:00Z')), false); // 08:59
    assert.equal(isOpen(paris, at('2026-12-02T16:00:00Z')), false); // 17:00: closed at close
    assert.equal(isOpen(paris, at('2026-12-05T10:00:00Z')), false); // Saturday
  });

  it('when open, the next opening is now', () => {
    const now = at('2026-12-02T10:00:00Z');
    assert.equal(nextOpening(paris, now), now);
  });

  it('Friday evening: back on Monday at 9:00 Paris time', () => {
    assert.equal(iso(nextOpening(paris, at('2026-12-04T18:00:00Z'))), '2026-12-07T08:00:00.000Z');
  });

  it('across the March change in Paris: 9:00 is 08:00Z before and 07:00Z after', () => {
    // Sunday 29 March 2026 at 02:00 the clocks go to 03:00.
    assert.equal(iso(nextOpening(paris, at('2026-03-27T17:00:00Z'))), '2026-03-30T07:00:00.000Z');
    assert.equal(isOpen(paris, at('2026-03-27T08:00:00Z')), true); // Friday 09:00 CET
    assert.equal(isOpen(paris, at('2026-03-30T07:00:00Z')), true); // Monday 09:00 CEST
    assert.equal(isOpen(paris, at('2026-03-30T06:59:00Z')), false);
  });

  it('across the October change in Paris: 9:00 is 07:00Z before and 08:00Z after', () => {
    // Sunday 25 October 2026 at 03:00 the clocks go back to 02:00.
    assert.equal(iso(nextOpening(paris, at('2026-10-23T16:00:00Z'))), '2026-10-26T08:00:00.000Z');
    assert.equal(isOpen(paris, at('2026-10-26T07:30:00Z')), false); // 08:30 CET
  });

  it('across the US changes (New York, 8 March and 1 November 2026)', () => {
    const ny = weekdays9to17('America/New_York');
    assert.equal(iso(nextOpening(ny, at('2026-03-06T23:00:00Z'))), '2026-03-09T13:00:00.000Z'); // EDT
    assert.equal(iso(nextOpening(ny, at('2026-10-30T22:00:00Z'))), '2026-11-02T14:00:00.000Z'); // EST
    assert.equal(isOpen(ny, at('2026-03-09T13:30:00Z')), true);
  });

  it('night intervals on the change nights follow the wall clock', () => {
    const night: Schedule = {
      timeZone: 'Europe/Paris',
      weekly: [{ day: 'sun', open: '02:30', close: '04:00' }],
      holidays: [],
    };
    // 02:30 does not exist on 29 March: it opens at 03:30 CEST (the wall time moved forward by the gap).
    assert.equal(iso(nextOpening(night, at('2026-03-28T12:00:00Z'))), '2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October: the first one (CEST).
    assert.equal(iso(nextOpening(night, at('2026-10-24T12:00:00Z'))), '2026-10-25T00:30:00.000Z');
  });

  it('a holiday is closed all day in the inbox zone, and the next opening skips it', () => {
    const withChristmas = weekdays9to17('Europe/Paris', ['2026-12-25']);
    assert.equal(isOpen(withChristmas, at('2026-12-25T10:00:00Z')), false);
    assert.equal(iso(nextOpening(withChristmas, at('2026-12-24T17:00:00Z'))), '2026-12-28T08:00:00.000Z');
  });

  it('a holiday is a date in the inbox zone, not in UTC', () => {
    // Friday 25 December 2026, open all day in Los Angeles; 01:00Z on the 26th is still the 25th there.
    const la: Schedule = {
      timeZone: 'America/Los_Angeles',
      weekly: [{ day: 'fri', open: '00:00', close: '24:00' }],
      holidays: ['2026-12-25'],
    };
    assert.equal(isOpen(la, at('2026-12-26T01:00:00Z')), false);
    assert.equal(isOpen({ ...la, holidays: [] }, at('2026-12-26T01:00:00Z')), true);
    assert.equal(iso(nextOpening(la, at('2026-12-26T01:00:00Z'))), '2027-01-01T08:00:00.000Z');
  });

  it('a schedule that never opens has no next opening', () => {
    assert.equal(nextOpening({ timeZone: 'UTC', weekly: [], holidays: [] }, 0), undefined);
  });
});
