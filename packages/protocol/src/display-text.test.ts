import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { visibleControls } from './display-text';

describe('visibleControls', () => {
  it('shows every bidi embedding, override and isolate instead of letting it act', () => {
    assert.equal(visibleControls('invoice\u202efdp.exe'), 'invoice⟦RLO⟧fdp.exe');
    const all = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    assert.equal(visibleControls(all), '⟦LRE⟧⟦RLE⟧⟦PDF⟧⟦LRO⟧⟦RLO⟧⟦LRI⟧⟦RLI⟧⟦FSI⟧⟦PDI⟧');
    assert.doesNotMatch(visibleControls(`a${all}b`), /[\u202a-\u202e\u2066-\u2069]/);
  });

  it('leaves ordinary text, right-to-left scripts and the harmless LRM/RLM marks alone', () => {
    for (const text of ['plain', 'שלום עולם', 'مرحبا', 'a\u200eb\u200fc', ''])
      assert.equal(visibleControls(text), text);
  });
});
