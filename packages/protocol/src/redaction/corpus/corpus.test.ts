import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NEGATIVES, PER_CLASS, generate } from './generate';
import { redact } from '../index';
import { CLASSES, loadCorpus, score } from './score';

const positives = loadCorpus('positives');
const negatives = loadCorpus('negatives');

describe('the redaction corpus', () => {
  it('is what the generator writes (regenerate with corpus/generate.ts after changing it)', () => {
    const fresh = generate();
    assert.deepEqual(positives, fresh.positives);
    assert.deepEqual(negatives, fresh.negatives);
  });
  it(`holds ${PER_CLASS} positives per class, each with its secret once, and ${NEGATIVES} look-alikes`, () => {
    for (const kind of CLASSES)
      assert.equal(positives.filter((s) => s.kind === kind).length, PER_CLASS, kind);
    for (const s of positives) assert.equal(s.text.split(s.secret ?? '').length, 2, s.text);
    assert.equal(negatives.length, NEGATIVES);
  });
  it('masked twice, every sentence stays as masked once', () => {
    for (const { text } of [...positives, ...negatives]) {
      const once = redact(text).text;
      assert.equal(redact(once).text, once, text);
    }
  });
  it('meets the targets: recall per class, false positives on look-alikes', () => {
    for (const row of score(positives, negatives)) {
      const examples = row.misses.slice(0, 3).map((s) => s.text);
      assert.ok(
        row.ok,
        `${row.kind}: ${(row.rate * 100).toFixed(2)}% (target ${row.target * 100}%) ${JSON.stringify(examples)}`,
      );
    }
  });
});
