/**
 * The published articles the bot answers from, per language, kept in memory: the answerer builds its
 * index once per array (retrieval-answerer.ts), so the same array is handed out until an article
 * changes (`articles.changed`, from any node, on the settings topic). Articles belong to no inbox: one
 * list per language serves every inbox.
 */
import { ARTICLE_LIMITS } from '@candor/protocol';
import type { BotArticle, BotLocale } from '../../domain/bot/bot-article';
import type { ArticleStore } from '../../storage/article-store';

export class BotArticles {
  private readonly lists = new Map<BotLocale, Promise<readonly BotArticle[]>>();

  constructor(private readonly store: Pick<ArticleStore, 'listArticles'>) {}

  of(locale: BotLocale): Promise<readonly BotArticle[]> {
    let list = this.lists.get(locale);
    if (!list) {
      list = this.load(locale);
      this.lists.set(locale, list);
      // A failed read is not kept: the next question tries again.
      list.catch(() => this.lists.get(locale) === list && this.lists.delete(locale));
    }
    return list;
  }

  /** An article was written or deleted somewhere: read again on the next question. */
  forget(): void {
    this.lists.clear();
  }

  private async load(locale: BotLocale): Promise<readonly BotArticle[]> {
    const records = await this.store.listArticles({
      locale,
      publishedOnly: true,
      limit: ARTICLE_LIMITS.articlesMax,
    });
    return records.map((a) => ({
      id: a.id,
      slug: a.slug,
      locale,
      title: a.title,
      body: a.body,
      ...(a.category === null ? {} : { category: a.category }),
      published: a.published,
    }));
  }
}
