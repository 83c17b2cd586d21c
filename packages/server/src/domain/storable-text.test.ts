import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { storableStrings, storableText } from './storable-text';

describe('storable text', () => {
  it('reads U+0000 and lone surrogates as U+FFFD, and leaves everything else as it is', () => {
    assert.equal(storableText('a\u0000b\uD800c\uDC00'), 'a\uFFFDb\uFFFDc\uFFFD');
    for (const text of ['', 'plain', 'emoji 😀', '\u0001\u001F tab\tand line\n']) {
      assert.equal(storableText(text), text);
    }
  });

  it('makes every string of a frame storable, nested ones too, keeping the keys asked as sent', () => {
    const frame = { ref: 'r\u0000', body: 'x\u0000', rule: { label: 'l\u0000', tags: ['t\u0000', 1] } };
    assert.deepEqual(storableStrings(frame, ['ref']), {
      ref: 'r\u0000',
      body: 'x\uFFFD',
      rule: { label: 'l\uFFFD', tags: ['t\uFFFD', 1] },
    });
    const clean = { type: 'hello', locale: 'fr' };
    assert.equal(storableStrings(clean), clean, 'nothing to change: the same object');
  });
});
