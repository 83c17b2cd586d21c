import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CannedResponse } from '@candor/protocol';
import { fillCannedResponse } from '@candor/protocol';
import { insertCanned, matchCanned, preferredLocale, shortcutAt } from './canned-picker';

const canned = (
  shortcut: string,
  locale: 'en' | 'fr' | null,
  over: Partial<CannedResponse> = {},
): CannedResponse => ({
  id: `${shortcut}-${locale}-${over.scope ?? 'shared'}`,
  scope: 'shared',
  ownerId: null,
  shortcut,
  locale,
  body: `${shortcut} in ${locale}`,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

describe('canned picker', () => {
  it('finds a /shortcut being typed at the start or after a space, not inside a word or a URL', () => {
    assert.deepEqual(shortcutAt('/hel', 4), { start: 0, end: 4, query: 'hel' });
    assert.deepEqual(shortcutAt('Sure. /Than', 11), { start: 6, end: 11, query: 'than' });
    assert.deepEqual(shortcutAt('/', 1), { start: 0, end: 1, query: '' });
    assert.equal(shortcutAt('and/or', 6), null);
    assert.equal(shortcutAt('see https://x.test/path', 23), null);
    assert.equal(shortcutAt('/hello world', 12), null, 'a space ends the shortcut');
    assert.deepEqual(shortcutAt('/hello world', 6), { start: 0, end: 6, query: 'hello' }, 'caret decides');
  });

  it('ranks prefix matches first, then the visitor’s language, then personal before shared', () => {
    const list = [
      canned('hello', 'en'),
      canned('hello', 'fr'),
      canned('othello', 'en'),
      canned('bye', 'en', { body: 'Say hello to them' }),
      canned('hello', 'fr', { scope: 'personal', ownerId: 'a1' }),
      canned('refund', 'en'),
    ];
    assert.deepEqual(
      matchCanned(list, 'hel', 'fr').map((c) => c.id),
      ['hello-fr-personal', 'hello-fr-shared', 'hello-en-shared', 'bye-en-shared', 'othello-en-shared'],
    );
    assert.deepEqual(
      matchCanned(list, 'hel', 'en')
        .map((c) => c.id)
        .slice(0, 1),
      ['hello-en-shared'],
    );
    assert.equal(matchCanned(list, 'zzz', null).length, 0);
    assert.equal(matchCanned(list, '', null).length, list.length, 'a bare / lists everything');
  });

  it('puts the visitor’s language first, then a response in no language, then the other', () => {
    const list = [canned('thanks', 'en'), canned('thanks', null), canned('thanks', 'fr')];
    const order = (prefer: 'en' | 'fr' | null) => matchCanned(list, 'tha', prefer).map((c) => c.locale);
    assert.deepEqual(order('fr'), ['fr', null, 'en']);
    assert.deepEqual(order('en'), ['en', null, 'fr']);
    assert.equal(order(null)[0], null, 'a visitor of another language gets the language-less one first');
  });

  it('maps a visitor locale to a response language', () => {
    assert.equal(preferredLocale('fr-CA'), 'fr');
    assert.equal(preferredLocale('EN'), 'en');
    assert.equal(preferredLocale('de'), null);
    assert.equal(preferredLocale(null), null);
  });

  it('replaces the /query with the filled response and puts the caret after it', () => {
    const text = 'Hi! /tha and more';
    const at = shortcutAt(text, 8);
    assert.ok(at);
    const filled = fillCannedResponse('Thanks {{visitor.name}}, {{agent.name}}', {
      visitorName: 'Blue Fox',
      agentName: 'Ada',
    });
    assert.deepEqual(insertCanned(text, at, filled), {
      text: 'Hi! Thanks Blue Fox, Ada and more',
      caret: 'Hi! Thanks Blue Fox, Ada'.length,
    });
  });
});
