/**
 * The live preview of an article's Markdown: asked of the server (POST /api/v1/articles/preview) a
 * moment after the admin stops typing, so it is rendered by the help centre's own rules. The HTML
 * comes from that renderer (raw HTML escaped, safe links only), which is why it may be set as HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import { articleApi } from '../article-api';
import { sayArticle as t } from '../article-text';

const PAUSE_MS = 250;

interface Props {
  markdown: string;
  lang: string;
  onError: (err: unknown) => void;
}

export function ArticlePreviewPane({ markdown, lang, onError }: Props) {
  const [html, setHtml] = useState('');
  useEffect(() => {
    if (markdown.trim() === '') {
      setHtml('');
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      articleApi.preview(markdown).then(
        (r) => current && setHtml(r.html),
        (err: unknown) => current && onError(err),
      );
    }, PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [markdown]); // onError is a new closure each render and must not re-ask

  return (
    <section class="article-preview" aria-labelledby="article-preview-title" data-testid="article-preview">
      <h4 id="article-preview-title">{t('preview')}</h4>
      {html === '' ? (
        <p class="quiet">{t('previewEmpty')}</p>
      ) : (
        // Rendered by the server's help/markdown.ts: no raw HTML, safe links only (see above).
        <div lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
      )}
    </section>
  );
}
