import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TOOL_LIMITS } from '@candor/protocol';
import { DomainError } from './errors';
import { normaliseTag, normaliseTags, tagChanges } from './tags';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
  return 'none';
};

describe('tags', () => {
  it('trims, collapses spaces and lower-cases, in any script', () => {
    assert.equal(normaliseTag('  Billing   Issue '), 'billing issue');
    assert.equal(normaliseTag('Remboursé'), 'remboursé');
    assert.equal(normaliseTag('v2.1:beta'), 'v2.1:beta');
  });

  it('refuses empty, punctuation-only, markup and over-long tags', () => {
    assert.equal(
      code(() => normaliseTag('   ')),
      'bad_frame',
    );
    assert.equal(
      code(() => normaliseTag('--')),
      'bad_frame',
    );
    assert.equal(
      code(() => normaliseTag('<b>x</b>')),
      'bad_frame',
    );
    assert.equal(
      code(() => normaliseTag('a'.repeat(TOOL_LIMITS.tagLengthMax))),
      'none',
    );
    assert.equal(
      code(() => normaliseTag('a'.repeat(TOOL_LIMITS.tagLengthMax + 1))),
      'too_large',
    );
  });

  it('drops duplicates, sorts, and caps the count', () => {
    assert.deepEqual(normaliseTags(['VIP', 'billing', 'vip ']), ['billing', 'vip']);
    const many = Array.from({ length: TOOL_LIMITS.tagsPerConversation + 1 }, (_, i) => `t${i}`);
    assert.equal(
      code(() => normaliseTags(many)),
      'too_large',
    );
    assert.equal(normaliseTags(many.slice(1)).length, TOOL_LIMITS.tagsPerConversation);
  });

  it('says what was added and removed', () => {
    assert.deepEqual(tagChanges(['a', 'b'], ['b', 'c']), { added: ['c'], removed: ['a'] });
  });
});
