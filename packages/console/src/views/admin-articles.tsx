/**
 * The knowledge base in the admin area: the list of articles (both languages, drafts too), and a form
 * to write or edit one with a live preview rendered by the server by the help centre's own rules
 * (raw HTML shown as text, safe links only), so the admin sees what readers will see.
 */
import { useEffect, useState } from 'preact/hooks';
import { ARTICLE_LIMITS, ARTICLE_LOCALES, type Article } from '@candor/protocol';
import { articleApi } from '../article-api';
import { sayArticle as t } from '../article-text';
import { isSignedOut, requestErrorText } from './admin-errors';
import { ArticlePreviewPane } from './article-preview';

type Locale = (typeof ARTICLE_LOCALES)[number];
const LANGUAGE: Record<Locale, string> = { en: 'English', fr: 'Français' };

interface Draft {
  title: string;
  body: string;
  locale: Locale;
  category: string;
  published: boolean;
}
const EMPTY: Draft = { title: '', body: '', locale: 'en', category: '', published: false };

export function ArticlesSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [list, setList] = useState<Article[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Article | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err)));

  useEffect(() => {
    articleApi.list().then(({ articles }) => setList(articles), fail);
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const startEdit = (a: Article) => {
    setEditing(a);
    setNotice(null);
    setDraft({
      title: a.title,
      body: a.body,
      locale: a.locale,
      category: a.category ?? '',
      published: a.published,
    });
  };
  const reset = () => {
    setEditing(null);
    setDraft(EMPTY);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    const body = { ...draft, category: draft.category.trim() === '' ? null : draft.category };
    try {
      if (editing) {
        const { article } = await articleApi.update(editing.id, body);
        setList((held) => held?.map((a) => (a.id === article.id ? article : a)) ?? null);
      } else {
        const { article } = await articleApi.create(body);
        setList((held) => [...(held ?? []), article]);
      }
      reset();
      setNotice(t('saved'));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: Article) => {
    setError(null);
    try {
      await articleApi.remove(a.id);
      setList((held) => held?.filter((x) => x.id !== a.id) ?? null);
      if (editing?.id === a.id) reset();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section class="admin-section" aria-labelledby="articles-title" data-testid="articles">
      <h2 id="articles-title">{t('title')}</h2>
      <p class="hint">
        {t('hint')} <a href="/help">/help</a>, <a href="/help/fr">/help/fr</a>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!list && !error && <p class="quiet">{t('loading')}</p>}
      {list && list.length === 0 && <p class="quiet">{t('none')}</p>}
      {list && list.length > 0 && (
        <ArticleTable list={list} onEdit={startEdit} onDelete={(a) => void remove(a)} />
      )}
      <form onSubmit={(e) => void save(e)} aria-labelledby="article-form-title" data-testid="article-form">
        <h3 id="article-form-title">{editing ? t('editing', { title: editing.title }) : t('newArticle')}</h3>
        <label>
          {t('fieldTitle')}
          <input
            value={draft.title}
            required
            maxLength={ARTICLE_LIMITS.titleMax}
            onInput={(e) => set('title', e.currentTarget.value)}
          />
        </label>
        <label>
          {t('fieldLanguage')}
          <select value={draft.locale} onChange={(e) => set('locale', e.currentTarget.value as Locale)}>
            {ARTICLE_LOCALES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('fieldCategory')}
          <input
            value={draft.category}
            maxLength={ARTICLE_LIMITS.categoryMax}
            onInput={(e) => set('category', e.currentTarget.value)}
          />
        </label>
        <label>
          {t('fieldBody')}
          <textarea
            value={draft.body}
            required
            rows={12}
            maxLength={ARTICLE_LIMITS.bodyMax}
            onInput={(e) => set('body', e.currentTarget.value)}
          />
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={draft.published}
            onChange={(e) => set('published', e.currentTarget.checked)}
          />
          {t('fieldPublished')}
        </label>
        <ArticlePreviewPane markdown={draft.body} lang={draft.locale} onError={fail} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            {editing ? t('save') : t('create')}
          </button>
          {editing && (
            <button type="button" onClick={reset}>
              {t('cancel')}
            </button>
          )}
        </div>
        {notice && (
          <p class="quiet" role="status">
            {notice}
          </p>
        )}
      </form>
    </section>
  );
}

interface TableProps {
  list: Article[];
  onEdit: (a: Article) => void;
  onDelete: (a: Article) => void;
}

function ArticleTable({ list, onEdit, onDelete }: TableProps) {
  return (
    <table class="rules">
      <thead>
        <tr>
          <th scope="col">{t('colTitle')}</th>
          <th scope="col">{t('colLanguage')}</th>
          <th scope="col">{t('colCategory')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('colActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((a) => (
          <tr key={a.id} data-testid="article-row">
            <td lang={a.locale}>{a.title}</td>
            <td>{LANGUAGE[a.locale]}</td>
            <td lang={a.locale}>{a.category ?? '—'}</td>
            <td>{a.published ? t('published') : t('draft')}</td>
            <td>
              {a.published && (
                <a href={a.url} aria-label={t('viewArticle', { title: a.title })}>
                  {t('view')}
                </a>
              )}{' '}
              <button
                type="button"
                aria-label={t('editArticle', { title: a.title })}
                onClick={() => onEdit(a)}
              >
                {t('edit')}
              </button>{' '}
              <button
                type="button"
                aria-label={t('deleteArticle', { title: a.title })}
                onClick={() => onDelete(a)}
              >
                {t('delete')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
