/**
 * Writes the redaction corpus: positives.jsonl (1,000 sentences per class, each with its secret) and
 * negatives.jsonl (1,500 look-alikes, nothing to mask). Deterministic (seeded), no network:
 *   node --import tsx packages/protocol/src/redaction/corpus/generate.ts
 */
import { writeFileSync } from 'node:fs';
import { NEGATIVE_KINDS, negative } from './negatives';
import { POSITIVE_MAKERS, type PositiveKind, type Sample } from './positives';
import { rng } from './prng';

export const PER_CLASS = 1000;
export const NEGATIVES = 1500;

export function generate(seed = 20240501): { positives: Sample[]; negatives: Sample[] } {
  const r = rng(seed);
  const positives: Sample[] = [];
  for (const kind of Object.keys(POSITIVE_MAKERS) as PositiveKind[]) {
    for (let n = 0; n < PER_CLASS;) {
      const { text, secret } = POSITIVE_MAKERS[kind](r);
      // The secret must appear once, so "no longer present" means it was masked.
      if (text.indexOf(secret) !== text.lastIndexOf(secret)) continue;
      positives.push({ text, kind, secret });
      n++;
    }
  }
  const negatives: Sample[] = [];
  for (let i = 0; i < NEGATIVES; i++) {
    const kind = NEGATIVE_KINDS[i % NEGATIVE_KINDS.length]!;
    negatives.push({ text: negative(r, kind), kind, secret: null });
  }
  return { positives, negatives };
}

const toJsonl = (samples: Sample[]) => samples.map((s) => JSON.stringify(s)).join('\n') + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { positives, negatives } = generate();
  writeFileSync(new URL('positives.jsonl', import.meta.url), toJsonl(positives));
  writeFileSync(new URL('negatives.jsonl', import.meta.url), toJsonl(negatives));
  console.log(`wrote ${positives.length} positives and ${negatives.length} negatives`);
}
