/**
 * `node --import tsx scripts/redaction-report.ts`: the redaction engine's quality bar. Prints, per
 * class of secret, the recall on the generated corpus, and the false-positive rate on the look-alikes;
 * then what the typing preview shows while each message is typed (every prefix through redactDraft:
 * the share of positives for which some prefix shows more than 4 characters of the secret, the most
 * shown, and the share of the look-alikes' text still shown); then the engine's size (bundled as the
 * widget bundles it) and a rough throughput. Exits 1 when a recall or false-positive target is missed
 * (the preview's figures, size and speed are printed, not enforced here: the property tests of
 * draft-prefixes.test.ts hold the 4-character bound, and docs/privacy.md says where it does not).
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { redact as Redact } from '../packages/protocol/src/redaction/index';
import { redactDraft } from '../packages/protocol/src/redaction/draft';
import { leakRows, previewShare, shownMask } from '../packages/protocol/src/redaction/corpus/leak';
import { loadCorpus, masked, score } from '../packages/protocol/src/redaction/corpus/score';

const SIZE_AIM_GZIP = 4 * 1024;
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

const positives = loadCorpus('positives');
const negatives = loadCorpus('negatives');
const rows = score(positives, negatives);

console.log('class              count   masked   rate      target   ');
for (const r of rows) {
  const isFpr = r.kind.startsWith('negatives');
  const target = isFpr ? `≤ ${pct(r.target)}` : `≥ ${pct(r.target)}`;
  console.log(
    `${r.kind.padEnd(18)} ${String(r.count).padStart(5)}   ${String(r.hits).padStart(6)}   ${pct(r.rate).padStart(7)}   ${target.padEnd(9)} ${r.ok ? 'ok' : 'MISSED'}`,
  );
}
for (const r of rows)
  for (const s of r.misses.slice(0, r.ok ? 3 : 10))
    console.log(`  ${r.ok ? 'e.g.' : 'MISSED'} ${r.kind}: ${JSON.stringify(s.text)}`);

// The typing preview: every prefix of every sentence, as the agent would see it keystroke by keystroke.
const MAX_SHOWN = 4;
const leaks = leakRows(positives, redactDraft, masked);
console.log(`\ntyping preview, every prefix (at most ${MAX_SHOWN} characters of a secret may show):`);
console.log('class              masked   leaky   leaky %   most shown');
for (const r of leaks)
  console.log(
    `${r.kind.padEnd(18)} ${String(r.count).padStart(6)}   ${String(r.leaky).padStart(5)}   ${pct(r.leaky / r.count).padStart(7)}   ${String(r.most).padStart(10)}`,
  );
for (const r of leaks)
  if (r.worst && r.most > MAX_SHOWN)
    console.log(`  e.g. ${r.kind}: ${JSON.stringify(r.worst.prefix)} -> ${JSON.stringify(r.worst.shown)}`);
let shown = 0;
let typed = 0;
for (const s of negatives) {
  const share = previewShare(s.text, redactDraft);
  shown += share.shown;
  typed += share.typed;
}
const wholeShown = negatives.reduce(
  (n, s) => n + shownMask(s.text, redactDraft(s.text).text).filter(Boolean).length,
  0,
);
const wholeTyped = negatives.reduce((n, s) => n + s.text.length, 0);
console.log(
  `look-alikes' text shown by the preview: ${pct(shown / typed)} of characters over every prefix, ` +
    `${pct(wholeShown / wholeTyped)} once typed in full`,
);

// Size and speed are measured on the bundle the widget would ship: minified, its browser targets.
const entry = fileURLToPath(new URL('../packages/protocol/src/redaction/index.ts', import.meta.url));
const bundle = await build({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
  write: false,
  logLevel: 'error',
});
const code = bundle.outputFiles[0]!.text;
const gz = gzipSync(code, { level: 9 }).length;
console.log(`\nengine size: ${code.length} B minified, ${gz} B gzipped (aim ≤ ${SIZE_AIM_GZIP} B)`);

const engine = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as {
  redact: typeof Redact;
};
function messages(texts: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let m = '';
    for (let j = i * 7; m.length < 500; j++) m += texts[(j * 131) % texts.length]! + ' ';
    out.push(m.slice(0, 500));
  }
  return out;
}
function microsPerCall(texts: string[]): number {
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const t = performance.now();
    for (let i = 0; i < 2000; i++) engine.redact(texts[i % texts.length]!);
    best = Math.min(best, ((performance.now() - t) / 2000) * 1000);
  }
  return best;
}
const lookAlikes = messages(
  negatives.map((s) => s.text),
  100,
);
const plainChat = messages(
  negatives.map((s) => s.text.replace(/\d/g, '')),
  100,
);
const oneSecret = lookAlikes.map((m, i) =>
  `${positives[(i * 53) % positives.length]!.text} ${m}`.slice(0, 500),
);
const dense = messages(
  positives.map((s) => s.text),
  100,
);
console.log('throughput, 500-character messages (best of 7 rounds; a rough figure):');
for (const [name, texts] of [
  ['chat without digits', plainChat],
  ['look-alikes only (numbers, no secret)', lookAlikes],
  ['one secret', oneSecret],
  ['secrets only (~8 per message)', dense],
] as const)
  console.log(`  ${name.padEnd(38)} ${microsPerCall(texts).toFixed(1).padStart(6)} µs per message`);

process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
