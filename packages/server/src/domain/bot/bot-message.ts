/**
 * What a bot reply looks like as a message: its text in the visitor's language, the article it offers
 * and whether the bot still answers afterwards. Pure: the caller posts it and routes a handover.
 */
import type { BotLocale } from './bot-article';
import { botText, feedbackQuestion } from './bot-texts';
import type { BotReply, BotState } from './handover';

export interface BotArticleRef {
  id: string;
  title: string;
  url: string;
}

export interface BotMessageDraft {
  body: string;
  articles: BotArticleRef[];
  confidence: number;
  /** The bot still holds the conversation after this message. */
  active: boolean;
}

/** The visitor's language as the bot knows it: French for any `fr` tag, English otherwise. */
export function botLocaleOf(tag: string | null | undefined): BotLocale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** `url` makes an article's public address (`/help/{locale}/{slug}`). */
export function botMessageOf(
  reply: BotReply,
  next: BotState,
  locale: BotLocale,
  url: (slug: string) => string,
): BotMessageDraft | undefined {
  const active = next.phase !== 'handed-over';
  switch (reply.type) {
    case 'silent':
      return undefined;
    case 'answer': {
      const { source } = reply;
      const body = [botText(reply, locale), `${source.title}\n${source.excerpt}`, feedbackQuestion(locale)]
        .filter((part) => part.trim() !== '')
        .join('\n\n');
      const article = { id: source.articleId, title: source.title, url: url(source.slug) };
      return { body, articles: [article], confidence: clamp(reply.confidence), active };
    }
    case 'glad-it-helped':
    case 'handover':
      return { body: botText(reply, locale), articles: [], confidence: 0, active };
  }
}

const clamp = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
