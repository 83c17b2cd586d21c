import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Verification } from '@candor/protocol';
import { DomainError } from '../errors';
import { assertMayChat, assertMayDeclare } from './verification';
import { languageOf, timeZoneOf } from './browser-facts';

function outcome(fn: () => void): string {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
}

describe('verification levels', () => {
  const levels: Verification[] = ['anonymous', 'self_declared', 'signed'];

  it('enforce admits signed visitors only; off, everyone', () => {
    assert.deepEqual(
      levels.map((l) => outcome(() => assertMayChat(l, { enforce: true }))),
      ['identity_required', 'identity_required', 'allowed'],
    );
    assert.deepEqual(
      levels.map((l) => outcome(() => assertMayChat(l, { enforce: false }))),
      ['allowed', 'allowed', 'allowed'],
    );
  });

  it('typing a name or email: refused when signed (the site vouched) and in an enforce inbox', () => {
    assert.deepEqual(
      levels.map((l) => outcome(() => assertMayDeclare(l, { enforce: false }))),
      ['allowed', 'allowed', 'forbidden'],
    );
    assert.equal(
      outcome(() => assertMayDeclare('anonymous', { enforce: true })),
      'identity_required',
    );
  });
});

describe('browser facts', () => {
  it('keeps well-formed language tags and known time zones only', () => {
    assert.equal(languageOf('fr-CA'), 'fr-CA');
    assert.equal(languageOf('<script>'), null);
    assert.equal(languageOf(undefined), null);
    assert.equal(timeZoneOf('Europe/Paris'), 'Europe/Paris');
    assert.equal(timeZoneOf('Mars/Base'), null);
    assert.equal(timeZoneOf('../../etc'), null);
  });
});
