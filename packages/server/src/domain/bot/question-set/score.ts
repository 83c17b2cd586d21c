/**
 * The bot's measured quality on the labelled question set: per language and split, the share of
 * answerable questions whose article comes first (top-1) or among the first three (top-3), and the share
 * of unanswerable ones handed over rather than answered. Pure: the caller loads the set and answers.
 */
import type { BotAnswer } from '../answerer';
import type { BotLocale } from '../bot-article';
import { isConfident } from '../confidence';

export interface LabelledQuestion {
  id: string;
  locale: BotLocale;
  question: string;
  /** The slug of the article that answers it, or `none`. */
  article: string;
  alsoAccepted?: string[];
  split: 'train' | 'held-out';
}

export interface Figures {
  /** Answerable questions. */
  answerable: number;
  top1: number;
  top3: number;
  /** Answerable questions answered (confident enough) with a right article first. */
  answeredRight: number;
  unanswerable: number;
  /** Unanswerable questions handed over. */
  handedOver: number;
}

export interface Miss {
  question: LabelledQuestion;
  got: string[];
  confidence: number;
}

/** Percentages, one decimal. */
export type FigureTable = Record<string, Record<keyof Figures, number>>;

export function scoreQuestions(
  questions: readonly LabelledQuestion[],
  answer: (q: LabelledQuestion) => BotAnswer,
): { table: FigureTable; misses: Miss[] } {
  const groups = new Map<
    string,
    { n: number; unn: number; top1: number; top3: number; right: number; over: number }
  >();
  const misses: Miss[] = [];
  for (const q of questions) {
    const result = answer(q);
    const got = result.sources.map((s) => s.slug);
    const confident = isConfident(result.confidence);
    for (const key of [`${q.locale} ${q.split}`, `all ${q.split}`]) {
      const g = groups.get(key) ?? { n: 0, unn: 0, top1: 0, top3: 0, right: 0, over: 0 };
      groups.set(key, g);
      if (q.article === 'none') {
        g.unn++;
        if (!confident) g.over++;
        continue;
      }
      const right = new Set([q.article, ...(q.alsoAccepted ?? [])]);
      const first = right.has(got[0] ?? '');
      g.n++;
      if (first) g.top1++;
      if (got.slice(0, 3).some((s) => right.has(s))) g.top3++;
      if (first && confident) g.right++;
    }
    const right =
      q.article === 'none'
        ? !confident
        : got[0] === q.article || (q.alsoAccepted ?? []).includes(got[0] ?? '');
    if (!right || (q.article !== 'none' && !confident))
      misses.push({ question: q, got, confidence: result.confidence });
  }
  const table: FigureTable = {};
  const pct = (x: number, n: number) => (n === 0 ? 0 : Math.round((x / n) * 1000) / 10);
  for (const [key, g] of [...groups].sort(([a], [b]) => a.localeCompare(b)))
    table[key] = {
      answerable: g.n,
      top1: pct(g.top1, g.n),
      top3: pct(g.top3, g.n),
      answeredRight: pct(g.right, g.n),
      unanswerable: g.unn,
      handedOver: pct(g.over, g.unn),
    };
  return { table, misses };
}

/** The figures of `now` more than `points` below those of `recorded`: what makes CI fail. */
export function drops(recorded: FigureTable, now: FigureTable, points = 3): string[] {
  const out: string[] = [];
  for (const [key, row] of Object.entries(recorded))
    for (const name of ['top1', 'top3', 'answeredRight', 'handedOver'] as const) {
      const was = row[name];
      const is = now[key]?.[name] ?? 0;
      if (is < was - points) out.push(`${key} ${name}: ${is}% (recorded ${was}%)`);
    }
  return out;
}
