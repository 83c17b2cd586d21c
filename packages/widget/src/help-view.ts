/**
 * The Help tab: a search box (Enter searches), the results, an article read in place (its blocks are
 * plain text written as text nodes, never innerHTML), a link to its help-centre page, and "Still need
 * help?", which takes the visitor to the chat with their search. Plain HTTP to the public help API, no
 * cookie: no socket opens and nothing is stored; what was searched and read is kept in memory only.
 * Not in widget.js: built into widget-help.js, loaded when the tab is first shown (lazy.ts), which
 * fills the tab's panel with `nodes`.
 */
import type { HelpArticle, HelpSearchResponse, HelpSearchResult } from '@candor/protocol';
import type { HelpContext } from './help';
import type { Strings } from './i18n';

type Node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (globalThis.Node | string)[]
) => HTMLElementTagNameMap[K];

export function createHelpView(
  node: Node,
  s: Strings,
  server: string,
  toChat: (query: string, context: HelpContext | null) => void,
) {
  let query = '';
  let results: HelpSearchResult[] = [];
  const read: string[] = [];
  const button = (text: string, click: () => void) => {
    const b = node('button', { type: 'button' }, text);
    b.addEventListener('click', click);
    return b;
  };
  const input = node('input', { type: 'search', 'aria-label': s.helpSearch, placeholder: s.helpSearch });
  const form = node('form', { role: 'search' }, input);
  const status = node('p', { class: 'status', role: 'status' });
  // The chat log's look: the same scrolling column.
  const body = node('div', { class: 'log' });
  const chat = button(s.helpChat, () =>
    toChat(query, query || read.length ? { query, articleIds: read.slice(-5) } : null),
  );
  chat.className = 'hc';

  async function get<T>(path: string): Promise<T | null> {
    try {
      const res = await fetch(`${server}/api/v1/help/articles${path}`, { credentials: 'omit' });
      if (res.ok) return (await res.json()) as T;
    } catch {
      // Said below; the visitor can still chat.
    }
    status.textContent = s.helpFailed;
    return null;
  }

  function list(): void {
    status.textContent = results.length ? '' : s.helpNone;
    body.replaceChildren(
      node(
        'ul',
        {},
        ...results.map((r) =>
          node(
            'li',
            {},
            button(r.title, () => void open(r.id)),
            node('p', {}, r.excerpt),
          ),
        ),
      ),
    );
  }

  async function open(id: string): Promise<void> {
    const a = await get<HelpArticle>(`/${encodeURIComponent(id)}`);
    if (!a) return;
    if (!read.includes(a.id)) read.push(a.id);
    const title = node('h3', { tabindex: '-1' }, a.title);
    body.replaceChildren(
      button(s.helpBack, () => {
        list();
        body.querySelector('button')?.focus();
      }),
      title,
      ...a.blocks.map((b) =>
        b.type === 'list'
          ? node(b.ordered ? 'ol' : 'ul', {}, ...b.items.map((i) => node('li', {}, i)))
          : node(b.type === 'heading' ? 'h4' : 'p', {}, b.text),
      ),
      node('a', { href: server + a.url, target: '_blank', rel: 'noopener' }, s.helpOpen),
    );
    status.textContent = '';
    title.focus();
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    query = input.value.trim();
    if (!query) return;
    void get<HelpSearchResponse>(`?locale=${s.lang}&q=${encodeURIComponent(query)}`).then((found) => {
      if (!found) return;
      results = found.results;
      list();
    });
  });

  return { nodes: [form, status, body, chat], input };
}

export type CreateHelpView = typeof createHelpView;
