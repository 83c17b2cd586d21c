/**
 * The one-statement batch (append-one-statement.ts) writes every message's terms as elements of one
 * array literal, each in double quotes with nothing escaped: that holds only while terms are letters and
 * digits joined by single spaces, whatever the text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { joinedTerms } from './search-indexing';

describe('joined search terms', () => {
  it('are letters and digits joined by single spaces, for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('{"a\\\\b", c}', 'l\'été "déjà" \\ {x,y}', 'ﬁn Œuvre ß ǅ 2ᵉ ①', 'a\u0000b\u200bc'),
    );
    fc.assert(
      fc.property(text, (t) => {
        const joined = joinedTerms(t);
        assert.match(joined, /^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u, JSON.stringify(t));
      }),
      { numRuns: 2_000 },
    );
  });
});
