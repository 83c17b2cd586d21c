/**
 * `npm run bench -- --only bot-answer [--quick]`: the bot's answer time (domain/bot/retrieval-answerer.ts,
 * what a new conversation waits for before the bot's first reply), with 1,000 published articles in the
 * visitor's language (and 1,000 in the other), synthesised from the demo shop's sample articles: each
 * sample is copied with its title and paragraphs mixed with other articles' paragraphs and product words,
 * so the vocabulary and the lengths stay those of a real help centre. Questions: the labelled question
 * set, every one in turn, after a warm-up. One thread, one answer at a time. Also reported: the time to
 * build the index (once per change of the articles) and the first answer after it.
 * Writes bench/results/bot-answer.{json,md}.
 */
import { performance } from 'node:perf_hooks';
import { sampleBotArticles } from '../../packages/server/src/demo/help-articles/sample-articles';
import type { BotArticle } from '../../packages/server/src/domain/bot/bot-article';
import { RetrievalAnswerer } from '../../packages/server/src/domain/bot/retrieval-answerer';
import { loadQuestions } from '../../scripts/bot-question-set';
import { machine, machineLine, table, writeReport } from '../lib/report';
import { fmt, latencySummary } from '../lib/stats';

const PER_LOCALE = 1000;
const PRODUCTS = {
  en: [
    'linen shirt',
    'leather boots',
    'wool coat',
    'denim jacket',
    'silk scarf',
    'canvas tote',
    'running shoes',
  ],
  fr: [
    'chemise en lin',
    'bottines en cuir',
    'manteau en laine',
    'veste en jean',
    'foulard en soie',
    'cabas en toile',
  ],
};

/** 1,000 articles per language from the samples: deterministic, each one a little different. */
export function synthesiseArticles(count = PER_LOCALE): BotArticle[] {
  const samples = sampleBotArticles();
  const out: BotArticle[] = [];
  for (const locale of ['en', 'fr'] as const) {
    const mine = samples.filter((a) => a.locale === locale);
    const products = PRODUCTS[locale];
    for (let i = 0; i < count; i++) {
      const base = mine[i % mine.length]!;
      const other = mine[(i * 7 + 3) % mine.length]!;
      const product = products[i % products.length]!;
      const paragraphs = base.body.split(/\n\s*\n/);
      const borrowed = other.body.split(/\n\s*\n/)[i % 2] ?? '';
      out.push({
        ...base,
        id: `${locale}/${base.slug}-${i}`,
        slug: `${base.slug}-${i}`,
        title: i < mine.length ? base.title : `${base.title} (${product})`,
        body: [...paragraphs, `${product}: ${borrowed}`].join('\n\n'),
      });
    }
  }
  return out;
}

export async function botAnswer(o: { quick: boolean }): Promise<string> {
  const before = machine();
  const articles = synthesiseArticles();
  const questions = loadQuestions();
  const answerer = new RetrievalAnswerer();

  const buildStart = performance.now();
  answerer.answerNow({ text: questions[0]!.question, locale: 'en' }, articles);
  answerer.answerNow({ text: questions.at(-1)!.question, locale: 'fr' }, articles);
  const buildAndFirstMs = performance.now() - buildStart;

  const rounds = o.quick ? 2 : 20;
  for (const q of questions) answerer.answerNow({ text: q.question, locale: q.locale }, articles);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const q of questions) {
      const t = performance.now();
      answerer.answerNow({ text: q.question, locale: q.locale }, articles);
      times.push(performance.now() - t);
    }
  const s = latencySummary(times);
  const after = { ...before, loadAfter: machine().loadBefore };
  const rows = [
    [
      `${PER_LOCALE} per language`,
      String(times.length),
      fmt(s.p50, 2),
      fmt(s.p99, 2),
      fmt(s.max, 2),
      fmt(buildAndFirstMs / 2, 0),
    ],
  ];
  const markdown = [
    '## Bot answer time (retrieval answerer)',
    '',
    machineLine(after),
    '',
    table(
      ['articles', 'answers', 'p50 ms', 'p99 ms', 'max ms', 'index build + first answer, ms per language'],
      rows,
    ),
    '',
    'Goal: p99 under 20 ms on one core.',
  ].join('\n');
  writeReport(
    'bot-answer',
    {
      quick: o.quick,
      machine: after,
      articlesPerLocale: PER_LOCALE,
      answers: times.length,
      ...s,
      buildAndFirstMs,
    },
    markdown,
  );
  return Promise.resolve(markdown);
}
