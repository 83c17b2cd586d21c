import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  lastContactChange,
  maskEmail,
  maskPhone,
  reachableContacts,
  RECENTLY_REPLACED_MS,
} from './contact-on-file';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 3);

test('a code may go to the current contact and to one replaced in the last 30 days, current first', () => {
  const reachable = reachableContacts(
    [
      { channel: 'email', value: 'old@example.com', setAt: NOW - 400 * DAY, replacedAt: NOW - 40 * DAY },
      { channel: 'email', value: 'eve@example.com', setAt: NOW - 40 * DAY, replacedAt: NOW - DAY },
      { channel: 'email', value: 'thief@evil.test', setAt: NOW - DAY, replacedAt: null },
    ],
    NOW,
  );
  assert.deepEqual(
    reachable.map((r) => [r.value, r.standing]),
    [
      ['thief@evil.test', 'current'],
      ['eve@example.com', 'recently_replaced'],
    ],
  );
  assert.equal(reachable.length, 2, 'a contact replaced 40 days ago is not reachable');
  assert.ok(RECENTLY_REPLACED_MS === 30 * DAY);
});

test('the window is configurable, and the last change is when the newest replacement happened', () => {
  const history = [
    { channel: 'email' as const, value: 'a@x.fr', setAt: 0, replacedAt: NOW - 5 * DAY },
    { channel: 'phone' as const, value: '+33612345678', setAt: 0, replacedAt: NOW - 2 * DAY },
    { channel: 'email' as const, value: 'b@x.fr', setAt: NOW - 5 * DAY, replacedAt: null },
  ];
  assert.equal(reachableContacts(history, NOW, 3 * DAY).length, 2);
  assert.equal(lastContactChange(history, NOW), NOW - 2 * DAY);
  assert.equal(lastContactChange(history.slice(2), NOW), null);
});

test('agents see contacts masked: the first letter and the domain, the country code and two digits', () => {
  assert.equal(maskEmail('eve@example.com'), 'e•••@example.com');
  assert.equal(maskEmail('élodie.martin@exemple.fr'), 'é•••@exemple.fr');
  assert.equal(maskEmail('not-an-email'), '•••');
  assert.equal(maskEmail('@example.com'), '•••');
  assert.equal(maskPhone('+33 6 12 34 56 78'), '+33 •• •• •• 78');
  assert.equal(maskPhone('06 12 34 56 78'), '•• •• •• 78');
  assert.equal(maskPhone('123'), '•••');
  for (const masked of [maskEmail('eve@example.com'), maskPhone('+33612345678')])
    assert.ok(!/eve|612345/.test(masked));
});
