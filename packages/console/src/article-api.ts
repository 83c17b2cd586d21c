/** REST calls for the knowledge base (admins write, agents read) and its live Markdown preview. */
import type { Article, ArticlePreview, CreateArticleBody, UpdateArticleBody } from '@candor/protocol';
import { request } from './api';

const enc = encodeURIComponent;

export const articleApi = {
  list: () => request<{ articles: Article[] }>('GET', '/api/v1/articles'),
  create: (body: CreateArticleBody) => request<{ article: Article }>('POST', '/api/v1/articles', body),
  update: (id: string, body: UpdateArticleBody) =>
    request<{ article: Article }>('PATCH', `/api/v1/articles/${enc(id)}`, body),
  remove: (id: string) => request<void>('DELETE', `/api/v1/articles/${enc(id)}`),
  /** The help centre's own rendering, so the preview shows exactly what readers will see. */
  preview: (body: string) => request<ArticlePreview>('POST', '/api/v1/articles/preview', { body }),
};
