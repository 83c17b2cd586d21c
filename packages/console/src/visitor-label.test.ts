import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { visitorLabel } from './visitor-label';

describe('visitor labels', () => {
  it('says an anonymous visitor’s generated name in French, and leaves given names alone', () => {
    assert.equal(visitorLabel('Visitor 4F2A', 'fr'), 'Visiteur 4F2A');
    assert.equal(visitorLabel('Visitor 4F2A', 'en'), 'Visitor 4F2A');
    assert.equal(visitorLabel('Visitor Smith', 'fr'), 'Visitor Smith');
    assert.equal(visitorLabel('Ada Lovelace', 'fr'), 'Ada Lovelace');
  });
});
