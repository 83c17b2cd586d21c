/**
 * The answerer seam: a question in a language and the inbox's articles in, an answer out. The default is
 * retrieval (retrieval-answerer.ts); a generative model run by the operator can sit behind the same
 * interface later, and the handover rules (handover.ts) only read the confidence and the sources.
 */
import type { BotArticle, BotLocale } from './bot-article';

export interface BotQuestion {
  text: string;
  locale: BotLocale;
}

/** One article the answer draws on, with the part of it worth showing in the chat. */
export interface AnswerSource {
  articleId: string;
  slug: string;
  title: string;
  /** A short plain-text passage of the article (no Markdown), at most about 240 characters. */
  excerpt: string;
  /** How sure the answerer is that this article answers the question, in [0, 1]. */
  confidence: number;
}

export interface BotAnswer {
  /** Best first: `sources[0]` is the answer, `sources[1]` the next best, offered after a "No". */
  sources: AnswerSource[];
  /** The confidence of the answer as a whole, in [0, 1]; 0 when no article matched. */
  confidence: number;
}

export interface Answerer {
  /**
   * Only published articles in the question's language may be used. Callers pass the same array while
   * the articles do not change, which lets an implementation keep an index per array.
   */
  answer(question: BotQuestion, articles: readonly BotArticle[]): Promise<BotAnswer>;
}
