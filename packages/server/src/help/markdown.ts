/**
 * Article Markdown to HTML, by one set of rules for the help centre, the console's live preview and
 * (later) the widget's help tab. markdown-it with `html: false`: raw HTML in an article is shown as
 * text, never passed through, so there is no sanitiser to keep up to date. Links go only to http,
 * https and mailto (or to another help page, /help/...), open nothing with the opener's rights and
 * carry rel="noopener noreferrer nofollow". Images are off: an article shows no remote content and
 * no data: URL. Headings move one level down (# is <h2>), as the page's <h1> is the article's title.
 */
import MarkdownIt from 'markdown-it';

export type MarkdownToken = ReturnType<MarkdownIt['parse']>[number];

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;
const HELP_LINK = /^\/help\/[a-z0-9/-]*$/;

function safeLink(url: string): boolean {
  const href = url.trim();
  return SAFE_LINK.test(href) || HELP_LINK.test(href);
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.disable('image');
  md.validateLink = safeLink;
  md.renderer.rules.link_open = (tokens, idx, options) => {
    const token = tokens[idx];
    token?.attrSet('rel', 'noopener noreferrer nofollow');
    return md.renderer.renderToken(tokens, idx, options);
  };
  const shift = (tokens: { tag: string }[], idx: number) => {
    const token = tokens[idx];
    if (token) token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
  };
  md.core.ruler.push('shift_headings', (state) => {
    state.tokens.forEach((t, i) => {
      if (t.type === 'heading_open' || t.type === 'heading_close') shift(state.tokens, i);
    });
  });
  return md;
}

const renderer = createRenderer();

/** Safe HTML for an article's Markdown body. */
export function renderArticle(markdown: string): string {
  return renderer.render(markdown);
}

/** The parsed tokens of an article, by the same rules as its HTML (help/article-blocks.ts). */
export function parseArticle(markdown: string): MarkdownToken[] {
  return renderer.parse(markdown, {});
}

/** The words of an article without its Markdown, for excerpts and search. */
export function articleText(markdown: string): string {
  const words: string[] = [];
  for (const block of renderer.parse(markdown, {})) {
    if (block.type !== 'inline') continue;
    for (const t of block.children ?? []) {
      if (t.type === 'text' || t.type === 'code_inline') words.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') words.push(' ');
    }
    words.push(' ');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}

/** The first words of an article, cut at a word, for lists and search results. */
export function articleExcerpt(markdown: string, max = 160): string {
  const text = articleText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
