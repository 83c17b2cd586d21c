import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS } from '@candor/protocol';
import { normaliseBody, previewOf } from './message-body';
import { DomainError } from './errors';

describe('message bodies', () => {
  it('are trimmed, with Windows and old Mac line endings normalised', () => {
    assert.equal(normaliseBody('  hi\r\nthere\rfriend  '), 'hi\nthere\nfriend');
  });
  it('cannot be blank', () => {
    assert.throws(
      () => normaliseBody(' \n\t '),
      (e: unknown) => e instanceof DomainError && e.code === 'bad_frame',
    );
  });
  it('are refused past the limit, counted after trimming', () => {
    assert.equal(normaliseBody(`  ${'x'.repeat(LIMITS.messageBodyMax)}  `).length, LIMITS.messageBodyMax);
    assert.throws(
      () => normaliseBody('x'.repeat(LIMITS.messageBodyMax + 1)),
      (e: unknown) => e instanceof DomainError && e.code === 'too_large',
    );
  });
  it('preview on one line, cut with an ellipsis', () => {
    assert.equal(previewOf('a\n\nb'), 'a b');
    assert.equal(previewOf('x'.repeat(200), 10), `${'x'.repeat(9)}…`);
  });
});
