/**
 * fast-check arbitraries derived from the frame shapes: valid frames of every type, and the same frames
 * broken one way (a field missing, of the wrong type, oversized, an extra or duplicate key, a number
 * literal JSON.stringify never writes, another type).
 */
import fc from 'fast-check';
import { LIMITS } from '@candor/protocol';
import {
  FRAME_SHAPES,
  textProbe,
  type FieldSchema,
  type FrameShape,
  type IdPool,
  type Probe,
} from './frame-shapes';

/** Strings that break naive code: lone surrogates, NUL, BOM, bidi override, line separators. */
export const EDGE_CHARS = [
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '\u2028',
  '\u2029',
  '\uFFFD',
  '\uFFFF',
  '😀',
  'e\u0301',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '"',
  '\\',
  '</script>',
  '%s',
  '${x}',
] as const;

export const edgeString = (maxLength: number) =>
  fc.string({
    maxLength,
    unit: fc.oneof(fc.constantFrom(...EDGE_CHARS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
  });

const poolPick = (list: readonly string[]) =>
  fc.nat().map((i) => list[i % Math.max(list.length, 1)] ?? 'none');

/** Cut or pad to the schema's bounds (in UTF-16 units, as zod counts); cutting may split a pair, on purpose. */
const fit = (s: string, min: number, max: number) => (s.length > max ? s.slice(0, max) : s.padEnd(min, 'p'));

function validString(name: string, s: FieldSchema, pool: IdPool): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 1000;
  const lengths = [min, max, 1, LIMITS.messageBodyMax, LIMITS.messageBodyMax + 1].filter(
    (n) => n >= min && n <= max,
  );
  const text = fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
      { weight: 3, arbitrary: edgeString(40) },
      { weight: 1, arbitrary: fc.constantFrom(...lengths).map((n) => 'x'.repeat(n)) },
      { weight: 1, arbitrary: fc.constantFrom('   ', '\n\t ', '\u00a0') },
    )
    .map((v) => fit(v, min, max));
  const ids = name === 'conversationId' ? pool.conversations : name === 'agentId' ? pool.agents : undefined;
  return ids ? fc.oneof({ weight: 3, arbitrary: poolPick(ids) }, { weight: 1, arbitrary: text }) : text;
}

function validInteger(s: FieldSchema): fc.Arbitrary<number> {
  const min = s.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = s.maximum ?? Number.MAX_SAFE_INTEGER;
  const edges = [min, max, 0, 1, 2, 200].filter((n) => n >= min && n <= max);
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) }),
    fc.maxSafeInteger().filter((n) => n >= min && n <= max),
  );
}

function validValue(name: string, s: FieldSchema, pool: IdPool): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map((option) => validValue(name, option, pool)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.type === 'null') return fc.constant(null);
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'integer') return validInteger(s);
  if (s.type === 'string') return validString(name, s, pool);
  return fc.jsonValue({ maxDepth: 2 }); // a shape not known here is still fuzzed
}

export function validFrame(shape: FrameShape, pool: IdPool): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, s] of Object.entries(shape.fields)) model[name] = validValue(name, s, pool);
  return fc.record(model, { requiredKeys: shape.required });
}

const deepArray = fc
  .integer({ min: 1, max: 3000 })
  .map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown);

/** Values of every JSON type and size, for "wrong type" mutations (the schema decides if they are wrong). */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(-1, 0.5, -0, 2 ** 53, 2 ** 64, 1e308, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.string({ unit: 'binary', maxLength: 30 }),
  edgeString(20),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  deepArray,
);

function oversized(s: FieldSchema): fc.Arbitrary<unknown> {
  if (s.anyOf) return fc.oneof(...s.anyOf.map(oversized));
  if (s.type === 'string') {
    const max = s.maxLength ?? 8000;
    return fc.oneof(
      fc.integer({ min: 1, max: 64 }).map((n) => 'z'.repeat(max + n)),
      fc.constant('é'.repeat(max + 1)),
      fc.constant('😀'.repeat(Math.ceil((max + 1) / 2))), // max + 1 UTF-16 units, fewer code points
    );
  }
  if (s.type === 'integer') {
    return fc.constantFrom((s.maximum ?? 0) + 1, (s.minimum ?? 0) - 1, 2 ** 53, 2 ** 64, 1e308, -1e308, 0.5);
  }
  return anyJson;
}

/** Number literals JSON.stringify cannot write: they go into the text in place of a marker string. */
const RAW_LITERALS = [
  '1e999',
  '-1e999',
  '123456789012345678901234567890',
  '1e-400',
  '-0',
  '1.0',
  '0e0',
  '1E+2',
];
const MARKER = 'RAW-LITERAL-MARKER';

function withExtra(frame: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', 'valueOf'),
  );
  // A computed key makes an own property even for __proto__, so JSON.stringify writes it.
  return fc.tuple(keys, fc.jsonValue({ maxDepth: 3 })).map(([key, value]) => ({ ...frame, [key]: value }));
}

/** One frame of this shape, broken in one way, as JSON text. */
export function mutatedFrameText(shape: FrameShape, pool: IdPool): fc.Arbitrary<string> {
  const names = Object.keys(shape.fields);
  const otherTypes = FRAME_SHAPES.map((s) => s.type);
  return validFrame(shape, pool).chain((frame) => {
    const present = Object.keys(frame);
    const mutations: fc.Arbitrary<string>[] = [
      fc.constantFrom(...present).map((k) => JSON.stringify({ ...frame, [k]: undefined })), // missing
      fc.tuple(fc.constantFrom(...names), anyJson).map(([k, v]) => JSON.stringify({ ...frame, [k]: v })),
      fc
        .constantFrom(...names)
        .chain((k) => oversized(shape.fields[k] ?? {}).map((v) => JSON.stringify({ ...frame, [k]: v }))),
      withExtra(frame).map((f) => JSON.stringify(f)),
      fc.oneof(fc.constantFrom(...otherTypes), anyJson).map((t) => JSON.stringify({ ...frame, type: t })),
      fc
        .tuple(fc.constantFrom(...names), fc.constantFrom(...RAW_LITERALS))
        .map(([k, lit]) => JSON.stringify({ ...frame, [k]: MARKER }).replace(`"${MARKER}"`, lit)),
      fc
        .constantFrom(...otherTypes)
        .map((t) => JSON.stringify(frame).replace(/}$/, `,"type":${JSON.stringify(t)}}`)), // duplicate key
    ];
    return fc.oneof(...mutations);
  });
}

export const validProbe = (pool: IdPool): fc.Arbitrary<Probe> =>
  fc.oneof(...FRAME_SHAPES.map((shape) => validFrame(shape, pool).map((f) => textProbe(JSON.stringify(f)))));

export const mutatedProbe = (pool: IdPool): fc.Arbitrary<Probe> =>
  fc.oneof(...FRAME_SHAPES.map((shape) => mutatedFrameText(shape, pool).map(textProbe)));
