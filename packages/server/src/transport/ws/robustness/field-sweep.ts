/**
 * The systematic complement of the random mutations: every field of every frame type, made missing,
 * of each wrong JSON type, oversized, and written as number literals JSON.stringify never produces.
 */
import { FRAME_SHAPES, type FrameShape } from './frame-shapes';

export interface SweepCase {
  label: string;
  text: string;
}

const WRONG_VALUES: readonly unknown[] = [
  null,
  true,
  42,
  -1,
  0.5,
  '',
  'str',
  [],
  {},
  [[[[[[[[]]]]]]]],
  { a: { b: 1 } },
];
const RAW_NUMBERS = ['1e999', '-1e999', '123456789012345678901234567890', '-0', '1e-400', 'NaN', 'Infinity'];

/** A baseline frame of this shape that satisfies the schema. */
export function baseline(shape: FrameShape, conversationId: string): Record<string, unknown> {
  const frame: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(shape.fields)) {
    const types = s.anyOf ? s.anyOf.map((o) => o.type) : [s.type];
    if (s.const !== undefined) frame[name] = s.const;
    else if (name === 'conversationId') frame[name] = conversationId;
    else if (name === 'protocol') frame[name] = 1;
    else if (types.includes('string')) frame[name] = name === 'ref' ? 'sweep-ref' : `sweep-${name}`;
    else if (types.includes('integer')) frame[name] = s.minimum ?? 0;
    else if (types.includes('boolean')) frame[name] = false;
    else frame[name] = null;
  }
  return frame;
}

export function sweepCases(conversationId: string): SweepCase[] {
  const cases: SweepCase[] = [];
  for (const shape of FRAME_SHAPES) {
    const base = baseline(shape, conversationId);
    const add = (what: string, frame: object) =>
      cases.push({ label: `${shape.type}: ${what}`, text: JSON.stringify(frame) });
    add('baseline', base);
    add('extra field', { ...base, extra: { nested: [1, 2, 3] }, ['__proto__']: { polluted: true } });
    for (const name of Object.keys(shape.fields)) {
      const s = shape.fields[name] ?? {};
      add(`${name} missing`, { ...base, [name]: undefined });
      for (const value of WRONG_VALUES) add(`${name} = ${JSON.stringify(value)}`, { ...base, [name]: value });
      const max = s.maxLength ?? s.anyOf?.find((o) => o.maxLength !== undefined)?.maxLength;
      if (max !== undefined) add(`${name} of ${max + 1} chars`, { ...base, [name]: 'z'.repeat(max + 1) });
      if (s.maximum !== undefined) add(`${name} = maximum + 1`, { ...base, [name]: s.maximum + 1 });
      for (const literal of RAW_NUMBERS) {
        const text = JSON.stringify({ ...base, [name]: '@@' }).replace('"@@"', literal);
        cases.push({ label: `${shape.type}: ${name} = ${literal}`, text });
      }
    }
  }
  return cases;
}
