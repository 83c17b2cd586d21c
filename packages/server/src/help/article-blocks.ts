/**
 * An article's Markdown as plain blocks for the widget's Help tab (issue 13): headings, paragraphs and
 * lists of text, nothing else. Parsed by the help centre's own rules (help/markdown.ts: raw HTML is
 * text, links only to http, https, mailto or /help/), then flattened: a link becomes its text followed
 * by its URL in parentheses, and anything shaped like a tag is dropped, so not even a careless
 * consumer could be handed markup. Images are off in the parser; code and quotes become paragraphs.
 */
import type { HelpBlock } from '@candor/protocol';
import { parseArticle, type MarkdownToken } from './markdown';

const TAG = /<\/?[a-z!][^>]*>/gi;

function inlineText(children: readonly MarkdownToken[]): string {
  let out = '';
  let href: string | null = null;
  let linkText = '';
  for (const t of children) {
    if (t.type === 'link_open') {
      href = t.attrGet('href');
      linkText = '';
    } else if (t.type === 'link_close') {
      out += href !== null && linkText.trim() !== href ? ` (${href})` : '';
      href = null;
    } else if (t.type === 'text' || t.type === 'code_inline') {
      out += t.content;
      if (href !== null) linkText += t.content;
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
  }
  return clean(out);
}

function clean(text: string): string {
  return text.replace(TAG, '').replace(/\s+/g, ' ').trim();
}

export function articleBlocks(markdown: string): HelpBlock[] {
  const blocks: HelpBlock[] = [];
  /** The outermost open list: nested items are flattened into it. */
  let list: Extract<HelpBlock, { type: 'list' }> | null = null;
  let depth = 0;
  let inItem = false;
  let heading = false;
  const push = (text: string) => {
    if (text === '') return;
    if (list && inItem) {
      const last = list.items.length - 1;
      list.items[last] = clean(`${list.items[last] ?? ''} ${text}`);
    } else blocks.push({ type: heading ? 'heading' : 'paragraph', text });
  };
  for (const t of parseArticle(markdown)) {
    switch (t.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (depth++ === 0) list = { type: 'list', ordered: t.type === 'ordered_list_open', items: [] };
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        if (--depth === 0 && list) {
          if (list.items.some((i) => i !== '')) blocks.push({ ...list, items: list.items.filter((i) => i) });
          list = null;
          inItem = false;
        }
        break;
      case 'list_item_open':
        list?.items.push('');
        inItem = true;
        break;
      case 'heading_open':
        heading = true;
        break;
      case 'heading_close':
        heading = false;
        break;
      case 'inline':
        push(inlineText(t.children ?? []));
        break;
      case 'fence':
      case 'code_block':
        push(clean(t.content));
        break;
    }
  }
  return blocks;
}
