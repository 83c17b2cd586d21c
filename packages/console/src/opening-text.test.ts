import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openingText } from './opening-text';
import { zoneGroups, zoneLabel } from './time-zones';

describe('opening status text', () => {
  const now = Date.parse('2026-12-03T20:00:00Z'); // a Thursday evening in Paris

  it('says open, or closed with the next opening in the inbox zone, in English and French', () => {
    assert.equal(openingText({ open: true, nextOpening: null }, 'Europe/Paris', 'en', now), 'Open now');
    assert.equal(openingText({ open: true, nextOpening: null }, 'Europe/Paris', 'fr', now), 'Ouvert');
    const monday = { open: false, nextOpening: '2026-12-07T08:00:00.000Z' };
    assert.equal(openingText(monday, 'Europe/Paris', 'en', now), 'Closed, opens Monday 09:00');
    assert.equal(openingText(monday, 'Europe/Paris', 'fr', now), 'Fermé, ouvre lundi à 09:00');
    assert.equal(openingText(monday, 'America/New_York', 'en', now), 'Closed, opens Monday 03:00');
  });

  it('gives the date when the next opening is more than a week away, and says when there is none', () => {
    const later = { open: false, nextOpening: '2027-01-04T08:00:00.000Z' };
    assert.equal(openingText(later, 'Europe/Paris', 'en', now), 'Closed, opens 4 January 09:00');
    assert.equal(
      openingText({ open: false, nextOpening: null }, 'Europe/Paris', 'en', now),
      'Closed, no opening ahead',
    );
  });
});

describe('time zone choices', () => {
  it('groups zones by region, keeps a saved zone the runtime lacks, and puts zones without a region last', () => {
    const groups = zoneGroups('en', ['Mars/Olympus'], ['Europe/Paris', 'America/New_York', 'Europe/Berlin']);
    assert.deepEqual(
      groups.map((g) => [g.label, g.zones]),
      [
        ['America', ['America/New_York']],
        ['Europe', ['Europe/Berlin', 'Europe/Paris']],
        ['Mars', ['Mars/Olympus']],
        ['Other', ['UTC']],
      ],
    );
    assert.equal(zoneGroups('fr', [], []).at(-1)?.label, 'Autres');
    assert.equal(zoneLabel('America/Argentina/Buenos_Aires'), 'Argentina / Buenos Aires');
  });
});
