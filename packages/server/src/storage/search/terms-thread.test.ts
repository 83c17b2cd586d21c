import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinedTerms } from '../../domain/search/search-terms';
import { TermsThread } from './terms-thread';

const BODIES = [
  'Bonjour, ma commande n°4521 n’est toujours pas arrivée',
  'I was refunded twice for the same order',
  'Œuvres complètes, été 2026 — colis perdu ?',
  '',
  '🙂 merci !',
];

test('a batch is computed on the worker thread, with exactly the terms the calling thread computes', async () => {
  const thread = new TermsThread(1);
  try {
    const terms = await thread.termsOf(BODIES);
    assert.equal(thread.offloading, true, 'the worker thread started');
    assert.deepEqual(terms, BODIES.map(joinedTerms));
    // Jobs in flight at once each get their own answer.
    const [a, b] = await Promise.all([thread.termsOf(BODIES.slice(0, 2)), thread.termsOf(BODIES.slice(2))]);
    assert.deepEqual([...a, ...b], BODIES.map(joinedTerms));
  } finally {
    await thread.close();
  }
});

test('a batch too small to repay the round trip is computed where it was asked', async () => {
  const thread = new TermsThread(8);
  try {
    assert.deepEqual(await thread.termsOf(BODIES), BODIES.map(joinedTerms));
    assert.equal(thread.offloading, false);
  } finally {
    await thread.close();
  }
});

test('jobs out when the worker goes are still answered, and later ones are computed here', async () => {
  const thread = new TermsThread(1);
  const many = Array.from(
    { length: 2_000 },
    (_, i) => `${BODIES[i % BODIES.length]} mot${'x'.repeat(i % 7)}`,
  );
  const out = thread.termsOf(many);
  await thread.close();
  assert.deepEqual(await out, many.map(joinedTerms));
  assert.deepEqual(await thread.termsOf(BODIES), BODIES.map(joinedTerms));
  assert.equal(thread.offloading, false);
});
