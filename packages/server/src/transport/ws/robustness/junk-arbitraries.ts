/** Anything but a frame: what a broken or hostile client may put on the wire. */
import fc from 'fast-check';
import { LIMITS } from '@candor/protocol';
import { edgeString } from './frame-arbitraries';
import { probeOf, textProbe, type Probe } from './frame-shapes';

const deepText = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('[', '{"a":'))
  .map(([d, open]) => (open === '[' ? '['.repeat(d) + ']'.repeat(d) : open.repeat(d) + '1' + '}'.repeat(d)));

/** Random JSON, random strings and bytes, deep nesting, huge numbers, too big. */
export const junkProbe: fc.Arbitrary<Probe> = fc.oneof(
  fc.jsonValue().map((v) => textProbe(JSON.stringify(v) ?? 'null')),
  fc.string({ unit: 'binary', maxLength: 200 }).map(textProbe),
  edgeString(100).map(textProbe),
  deepText.map(textProbe),
  deepText.map((t) => textProbe(t.slice(0, Math.ceil(t.length / 2)))), // unbalanced
  fc
    .constantFrom(
      '',
      'null',
      'true',
      '[]',
      '{}',
      '"hello"',
      '1e999',
      '9'.repeat(5000),
      '\uFEFF{"type":"hello","protocol":1}',
    )
    .map(textProbe),
  fc
    .integer({ min: LIMITS.frameBytesMax - 2, max: LIMITS.frameBytesMax + 64 })
    .map((n) => textProbe(`"${'x'.repeat(n - 2)}"`)),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => probeOf(Buffer.from(bytes))),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => probeOf(Buffer.from(bytes), true)),
);
