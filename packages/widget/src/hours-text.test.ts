import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backText } from './hours-text';
import { STRINGS } from './i18n';

const now = Date.parse('2026-12-02T06:00:00Z'); // Wednesday

describe('when the team is back', () => {
  it('today: the time in the visitor zone and language', () => {
    assert.equal(
      backText(STRINGS.fr, '2026-12-02T08:00:00Z', now, 'Europe/Paris'),
      'Nous revenons à 9\u00a0h\u00a000.',
    );
    assert.equal(
      backText(STRINGS.en, '2026-12-02T08:00:00Z', now, 'Europe/London'),
      'We’re back at 8:00 AM.',
    );
  });

  it('another day: with the day, in the visitor zone', () => {
    // Monday 09:00 Paris is Monday 03:00 in New York.
    assert.equal(
      backText(STRINGS.en, '2026-12-07T08:00:00Z', now, 'America/New_York'),
      'We’re back on Monday at 3:00 AM.',
    );
    assert.equal(
      backText(STRINGS.fr, '2026-12-07T08:00:00Z', now, 'Europe/Paris'),
      'Nous revenons lundi à 9\u00a0h\u00a000.',
    );
  });

  it('after a holiday week: with the date', () => {
    assert.match(backText(STRINGS.fr, '2026-12-28T08:00:00Z', now, 'Europe/Paris'), /lundi 28 décembre/);
  });
});
