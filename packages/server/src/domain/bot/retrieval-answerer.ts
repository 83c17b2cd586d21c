/**
 * The default answerer: full-text retrieval over the published articles in the visitor's language, with
 * MiniSearch (BM25, fuzzy matching for typos, no dependencies) over the same French and English stems
 * and accent folding as conversation search (domain/search/search-terms.ts), so "rembourser" finds
 * "remboursement" and "colis pas arrive" finds the delivery article. Confidence combines how much of the
 * question the best article covers with how strongly it scores; handover.ts decides what is too low.
 */
import MiniSearch from 'minisearch';
import { fold, stemsOf, wordsOf } from '../search/search-terms';
import type { BotArticle, BotLocale } from './bot-article';
import type { Answerer, AnswerSource, BotAnswer, BotQuestion } from './answerer';
import { excerptOf } from './excerpt';
import { STOP_WORDS } from './stop-words';
import { expandQuery, synonymsOf } from './synonyms';

/** Articles offered: the best, then the next best for a second try, then one more for reports (top-3). */
const SOURCES = 3;
/** Title words say what an article is about more than body words do. */
const BOOST = { title: 5, category: 1.5, body: 1 };
const SCORE_SCALE = 12;
/** Results weighed for the reranking by confidence. */
const RERANKED = 10;

/** A word's weight in the coverage: its inverse document frequency (the rarest of its stems). */
function weightOf(terms: ReadonlySet<string>, index: Indexed): number {
  let df = Infinity;
  for (const t of terms) df = Math.min(df, index.documentFrequency.get(t) ?? 0);
  return Math.log(1 + index.byId.size / (1 + df));
}

/** The distinct terms one word stands for, or none for a stop word. */
export function termsOfWord(lower: string): string[] {
  const folded = fold(lower);
  if (STOP_WORDS.has(folded)) return [];
  return stemsOf({ lower, folded });
}

/** The words of a text as the index sees them: lower case, not stop words. */
function queryWords(text: string): string[] {
  return wordsOf(text)
    .map((w) => w.lower)
    .filter((w) => !STOP_WORDS.has(fold(w)));
}

interface Indexed {
  search: MiniSearch<BotArticle>;
  byId: Map<string, BotArticle>;
  /** How many articles hold each term: a question word no article uses weighs most in the coverage. */
  documentFrequency: Map<string, number>;
}

function buildIndex(articles: readonly BotArticle[], locale: BotLocale): Indexed {
  const search = new MiniSearch<BotArticle>({
    fields: ['title', 'category', 'body'],
    idField: 'id',
    tokenize: (text) => wordsOf(text).map((w) => w.lower),
    processTerm: termsOfWord,
  });
  const mine = articles.filter((a) => a.published && a.locale === locale);
  search.addAll(mine);
  const documentFrequency = new Map<string, number>();
  for (const article of mine) {
    const terms = new Set<string>();
    for (const w of wordsOf(`${article.title} ${article.category ?? ''} ${article.body}`))
      for (const t of termsOfWord(w.lower)) terms.add(t);
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  return { search, byId: new Map(mine.map((a) => [a.id, a])), documentFrequency };
}

/** Tuning of the ranking and the confidence; the defaults are what the question set was tuned with. */
export interface RetrievalOptions {
  boost: { title: number; category: number; body: number };
  /** BM25 score at which the score part of the confidence reaches about 63 %. */
  scoreScale: number;
  /** Coverage is raised to this power: below 1, a question's stray word costs less. */
  coveragePower: number;
  /**
   * Confidence multiplier per language, so that one threshold (confidence.ts) means the same in both:
   * French questions that no article answers score higher than English ones (French stems fold more
   * words together, and customers' off-topic French questions share more words with the articles,
   * "temps", "politique", "reduc"), so French confidences are scaled down. Tuned on the training part of
   * the question set only.
   */
  calibration: Record<BotLocale, number>;
}

export const DEFAULT_RETRIEVAL: RetrievalOptions = {
  boost: BOOST,
  scoreScale: SCORE_SCALE,
  coveragePower: 1,
  calibration: { en: 1, fr: 0.83 },
};

export class RetrievalAnswerer implements Answerer {
  readonly #options: RetrievalOptions;
  constructor(options: Partial<RetrievalOptions> = {}) {
    this.#options = { ...DEFAULT_RETRIEVAL, ...options };
  }

  readonly #indexes = new WeakMap<readonly BotArticle[], Map<BotLocale, Indexed>>();

  answer(question: BotQuestion, articles: readonly BotArticle[]): Promise<BotAnswer> {
    return Promise.resolve(this.answerNow(question, articles));
  }

  /** The same answer, synchronously: retrieval does no I/O (benchmarks and reports call this). */
  answerNow(question: BotQuestion, articles: readonly BotArticle[]): BotAnswer {
    const index = this.#index(articles, question.locale);
    const asked = queryWords(question.text);
    const words = expandQuery(asked, question.locale);
    if (words.length === 0) return { sources: [], confidence: 0 };
    // One group of terms per word the customer wrote, its synonyms inside it: "discount" expanded to
    // "promo code" is one word of the question covered or not, not three that inflate the coverage.
    const wordTerms = asked
      .map((w) => new Set([w, ...synonymsOf(w, question.locale)].flatMap(termsOfWord)))
      .filter((terms) => terms.size > 0);
    const weights = wordTerms.map((terms) => weightOf(terms, index));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const calibration = this.#options.calibration[question.locale];
    const results = index.search.search(words.join(' '), {
      boost: this.#options.boost,
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      combineWith: 'OR',
    });
    const ranked: (AnswerSource & { score: number })[] = [];
    for (const result of results.slice(0, RERANKED)) {
      const article = index.byId.get(String(result.id));
      if (!article) continue;
      const matched = new Set(result.queryTerms);
      let covered = 0;
      wordTerms.forEach((terms, i) => {
        if ([...terms].some((t) => matched.has(t))) covered += weights[i]!;
      });
      const coverage = totalWeight > 0 ? covered / totalWeight : 0;
      const strength = 1 - Math.exp(-result.score / this.#options.scoreScale);
      ranked.push({
        articleId: article.id,
        slug: article.slug,
        title: article.title,
        excerpt: '',
        confidence: round(coverage ** this.#options.coveragePower * strength * calibration),
        score: result.score,
      });
    }
    // Reranked by confidence: an article that covers the whole question beats one that scores high on
    // a single word ("paypal" in an instalments article).
    ranked.sort((a, b) => b.confidence - a.confidence || b.score - a.score);
    const sources = ranked.slice(0, SOURCES).map(({ score: _score, ...source }) => {
      const article = index.byId.get(source.articleId)!;
      const terms = new Set(wordTerms.flatMap((t) => [...t]));
      return { ...source, excerpt: excerptOf(article.body, (p) => countMatches(p, terms)) };
    });
    return { sources, confidence: sources[0]?.confidence ?? 0 };
  }

  #index(articles: readonly BotArticle[], locale: BotLocale): Indexed {
    let perLocale = this.#indexes.get(articles);
    if (!perLocale) this.#indexes.set(articles, (perLocale = new Map<BotLocale, Indexed>()));
    let index = perLocale.get(locale);
    if (!index) perLocale.set(locale, (index = buildIndex(articles, locale)));
    return index;
  }
}

function countMatches(paragraph: string, terms: ReadonlySet<string>): number {
  let n = 0;
  for (const w of wordsOf(paragraph)) if (termsOfWord(w.lower).some((t) => terms.has(t))) n++;
  return n;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
