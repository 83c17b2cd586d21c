/** Scores the engine on the corpus: recall per class on positives, false positives on negatives. */
import { readFileSync } from 'node:fs';
import { redact } from '../index';
import type { Sample } from './positives';

export const CLASSES = ['card', 'iban', 'code', 'password', 'api_key'] as const;
/** Recall targets per class, and the largest false-positive rate allowed on the look-alikes. */
export const TARGETS: Record<(typeof CLASSES)[number], number> = {
  card: 0.995,
  iban: 0.995,
  code: 0.95,
  password: 0.95,
  api_key: 0.99,
};
export const MAX_FALSE_POSITIVE_RATE = 0.01;

const PLACEHOLDER: Record<string, RegExp> = {
  card: /card •••• \d{4}/,
  iban: /IBAN •••• [A-Z\d]{4}/,
  code: /\[code hidden\]/,
  password: /\[password hidden\]/,
  api_key: /\[(?:API key|token|private key) hidden\]/,
};

export function loadCorpus(name: 'positives' | 'negatives'): Sample[] {
  const text = readFileSync(new URL(`${name}.jsonl`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Sample);
}

/** Masked: the secret is gone and a placeholder of its kind is there. */
export function masked(sample: Sample): boolean {
  const out = redact(sample.text).text;
  return !out.includes(sample.secret ?? '') && (PLACEHOLDER[sample.kind]?.test(out) ?? false);
}

export interface Row {
  kind: string;
  count: number;
  hits: number;
  rate: number;
  target: number;
  ok: boolean;
  misses: Sample[];
}

export function score(positives: Sample[], negatives: Sample[]): Row[] {
  const rows: Row[] = CLASSES.map((kind) => {
    const samples = positives.filter((s) => s.kind === kind);
    const misses = samples.filter((s) => !masked(s));
    const rate = samples.length ? (samples.length - misses.length) / samples.length : 0;
    return {
      kind,
      count: samples.length,
      hits: samples.length - misses.length,
      rate,
      target: TARGETS[kind],
      ok: rate >= TARGETS[kind],
      misses,
    };
  });
  const fps = negatives.filter((s) => redact(s.text).found.length > 0);
  const fpr = negatives.length ? fps.length / negatives.length : 1;
  rows.push({
    kind: 'negatives (FPR)',
    count: negatives.length,
    hits: fps.length,
    rate: fpr,
    target: MAX_FALSE_POSITIVE_RATE,
    ok: fpr <= MAX_FALSE_POSITIVE_RATE,
    misses: fps,
  });
  return rows;
}
