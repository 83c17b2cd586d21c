import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReference, isCurrent, normaliseReference, REFERENCE_TTL_MS } from './support-reference';

test('a reference is CND- and eight unambiguous characters, different for different bytes', () => {
  const a = formatReference(new Uint8Array([0, 0, 0, 0, 0]));
  const b = formatReference(new Uint8Array([255, 255, 255, 255, 255]));
  assert.equal(a, 'CND-0000-0000');
  assert.equal(b, 'CND-ZZZZ-ZZZZ');
  const r = formatReference(new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a]));
  assert.match(r, /^CND-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.throws(() => formatReference(new Uint8Array(4)));
});

test('what a customer types is forgiven its case, spaces and look-alike letters', () => {
  const r = formatReference(new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a]));
  assert.equal(normaliseReference(r.toLowerCase().replace(/-/g, ' ')), r);
  assert.equal(normaliseReference('cnd-oooo-iiii'), 'CND-0000-1111');
  assert.equal(normaliseReference('CND-0000-000'), undefined);
  assert.equal(normaliseReference('CND-UUUU-0000'), undefined);
  assert.equal(normaliseReference('<script>'), undefined);
});

test('a reference is current for a day unless revoked', () => {
  const ref = { issuedAt: 1_000, revokedAt: null };
  assert.equal(isCurrent(ref, 1_000), true);
  assert.equal(isCurrent(ref, 1_000 + REFERENCE_TTL_MS), false);
  assert.equal(isCurrent({ ...ref, revokedAt: 2_000 }, 3_000), false);
  assert.equal(isCurrent(ref, 999), false);
});
