/**
 * The knowledge base (issue 13): agents read every article (drafts too, to answer with them), admins
 * write. A new article's slug comes from its title, made unique in its language, and never changes.
 */
import { randomUUID } from 'node:crypto';
import { ARTICLE_LIMITS, type Article } from '@candor/protocol';
import { assertAdmin } from '../domain/access';
import type { ArticleLocale, ArticleRecord } from '../domain/articles/article';
import { slugify, uniqueSlug } from '../domain/articles/article-slug';
import { DomainError } from '../domain/errors';
import type { Actor } from '../domain/types';
import { StoreConflictError } from '../storage/store';
import type { ChatContext } from './context';

export interface ArticleInput {
  title: string;
  body: string;
  locale: ArticleLocale;
  published: boolean;
  category?: string | null;
}

/** The public page of an article (help/help-routes.ts serves it once published). */
/** Addresses the help centre uses itself: /help/fr/verify is the page that checks support references. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['verify']);

export function articleUrl(a: { locale: ArticleLocale; slug: string }): string {
  return `/help/${a.locale}/${a.slug}`;
}

export function presentArticle(a: ArticleRecord): Article {
  return { ...a, url: articleUrl(a) };
}

function assertAgent(actor: Actor): void {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'Agents only.');
}

export async function listArticles(
  ctx: ChatContext,
  actor: Actor,
  locale: ArticleLocale | undefined,
): Promise<Article[]> {
  assertAgent(actor);
  const list = await ctx.store.listArticles({
    ...(locale === undefined ? {} : { locale }),
    limit: ARTICLE_LIMITS.articlesMax,
  });
  return list.map(presentArticle);
}

export async function getArticle(ctx: ChatContext, actor: Actor, id: string): Promise<Article> {
  assertAgent(actor);
  return presentArticle(await load(ctx, id));
}

/** Also used by the demo loader, with a slug of its own (the file's name). */
export async function createArticle(
  ctx: ChatContext,
  actor: Actor,
  input: ArticleInput & { slug?: string },
): Promise<Article> {
  assertAdmin(actor);
  if ((await ctx.store.countArticles()) >= ARTICLE_LIMITS.articlesMax) {
    throw new DomainError('too_large', `At most ${ARTICLE_LIMITS.articlesMax} articles.`);
  }
  const base = input.slug ?? slugify(input.title);
  const now = ctx.now();
  for (let attempt = 0; ; attempt++) {
    const taken = new Set(await ctx.store.articleSlugsLike(input.locale, base));
    const record: ArticleRecord = {
      id: randomUUID(),
      locale: input.locale,
      slug: uniqueSlug(base, (s) => taken.has(s) || RESERVED_SLUGS.has(s)),
      title: input.title,
      body: input.body,
      category: input.category ?? null,
      published: input.published,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await ctx.store.createArticle(record);
      ctx.emit({ type: 'articles.changed' }); // the bot answers from the new list
      return presentArticle(record);
    } catch (err) {
      // Another admin took the same slug between the read and the write: choose again.
      if (!(err instanceof StoreConflictError) || attempt >= 3) throw err;
    }
  }
}

export async function updateArticle(
  ctx: ChatContext,
  actor: Actor,
  id: string,
  patch: Partial<ArticleInput>,
): Promise<Article> {
  assertAdmin(actor);
  let updated: ArticleRecord | undefined;
  try {
    updated = await ctx.store.updateArticle(id, { ...patch, now: ctx.now() });
  } catch (err) {
    if (err instanceof StoreConflictError) {
      throw new DomainError('conflict', 'An article of that language already has this address.');
    }
    throw err;
  }
  if (!updated) throw new DomainError('not_found', 'No such article.');
  ctx.emit({ type: 'articles.changed' });
  return presentArticle(updated);
}

export async function deleteArticle(ctx: ChatContext, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  if (!(await ctx.store.deleteArticle(id))) throw new DomainError('not_found', 'No such article.');
  ctx.emit({ type: 'articles.changed' });
}

async function load(ctx: ChatContext, id: string): Promise<ArticleRecord> {
  const article = await ctx.store.getArticle(id);
  if (!article) throw new DomainError('not_found', 'No such article.');
  return article;
}
