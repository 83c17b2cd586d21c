import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { visibleControls } from './display-text';

describe('visibleControls', () => {
  it('shows every bidirectional embedding, override and isolate control as a marker', () => {
    assert.equal(visibleControls('invoice\u202Etxt.exe'), 'invoice[U+202E]txt.exe');
    const controls = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
    const shown = visibleControls(String.fromCharCode(...controls));
    assert.equal(shown, '[U+202A][U+202B][U+202C][U+202D][U+202E][U+2066][U+2067][U+2068][U+2069]');
    assert.doesNotMatch(shown, /[\u202A-\u202E\u2066-\u2069]/);
  });

  it('leaves every other text as it is, right-to-left scripts and marks included', () => {
    for (const text of [
      '',
      'Bonjour 👋',
      'مرحبا بالعالم',
      'שלום',
      'a\u200Eb\u200Fc',
      '[U+202E] typed by hand',
    ]) {
      assert.equal(visibleControls(text), text);
    }
  });
});
