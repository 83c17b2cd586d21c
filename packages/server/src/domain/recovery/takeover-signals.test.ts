import assert from 'node:assert/strict';
import { test } from 'node:test';
import { takeoverSignals, type TakeoverFacts } from './takeover-signals';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 3);
const calm: TakeoverFacts = {
  recentAttempts: 1,
  signedSubject: null,
  accountExternalId: 'u-42',
  visitorTexts: ["I can't log in since this morning"],
  contactChangeRequested: false,
  lastContactChangeAt: null,
  now: NOW,
};

test('an ordinary locked-out customer raises no signal', () => {
  assert.deepEqual(takeoverSignals(calm), []);
  assert.deepEqual(takeoverSignals({ ...calm, signedSubject: 'u-42' }), []);
});

test("the thief's path raises every signal it shows", () => {
  const signals = takeoverSignals({
    recentAttempts: 4,
    signedSubject: 'u-7',
    accountExternalId: 'u-42',
    visitorTexts: ['Changez mon e-mail IMMÉDIATEMENT, je n’ai pas le temps'],
    contactChangeRequested: true,
    lastContactChangeAt: NOW - DAY,
    now: NOW,
  });
  assert.deepEqual(signals, [
    'repeated_attempts',
    'identity_mismatch',
    'urgent_contact_change',
    'contact_recently_replaced',
  ]);
});

test('urgency counts only with a contact change, in English or French, accents or not', () => {
  for (const text of [
    'please change it asap',
    'c’est urgent',
    'tout de suite svp',
    'immediatement',
    'I need it right now',
  ])
    assert.deepEqual(takeoverSignals({ ...calm, visitorTexts: [text], contactChangeRequested: true }), [
      'urgent_contact_change',
    ]);
  assert.deepEqual(takeoverSignals({ ...calm, visitorTexts: ['c’est urgent'] }), []);
  assert.deepEqual(
    takeoverSignals({
      ...calm,
      visitorTexts: ['please update my email, I changed provider last month'],
      contactChangeRequested: true,
    }),
    [],
  );
});

test('a contact replaced more than two weeks ago is not a signal', () => {
  assert.deepEqual(takeoverSignals({ ...calm, lastContactChangeAt: NOW - 15 * DAY }), []);
});
