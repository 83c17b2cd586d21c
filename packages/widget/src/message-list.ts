/**
 * Renders the rows of the message list by key. A row is created once and then only updated, and is moved
 * only when out of place: the list is an aria-live log, and a replaced row would be announced again.
 */
import { RETRYABLE_ERRORS, splitLinks, visibleControls } from '@candor/protocol';
import type { Strings } from './i18n';
import { agentMarkText, verifyHref } from './recovery-text';
import type { Item } from './timeline';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
}

/** Who runs this Candor, from the welcome: the verified-agent mark's words and link. */
export interface Site {
  name: string;
  verifyUrl: string;
}

/**
 * The mark beside an agent's message: drawn from the author type the server stored, in its own element
 * outside the body, so no text anyone types can produce it or look like it in place.
 */
function mark(s: Strings, site: Site): HTMLElement {
  const m = el('span', 'mark', agentMarkText(s, visibleControls(site.name)));
  m.dataset.candor = 'agent-mark';
  const href = verifyHref(site.verifyUrl);
  if (href) m.append(' · ', link(s.agentMarkCheck, href));
  return m;
}

function build(item: Item, s: Strings, ctx: ListContext): HTMLElement {
  const row = el('div', 'msg');
  row.dataset.author = item.author.type;
  // Visitors read their own messages by position; a screen reader needs to be told whose they are.
  if (item.author.type === 'visitor') row.append(el('span', 'sr', s.you));
  // The bot is always named as what it is, in the visitor's language, whatever its stored name.
  else if (item.author.type === 'bot') row.append(el('span', 'who', s.botMark));
  else if (item.author.name) row.append(el('span', 'who', visibleControls(item.author.name)));
  const site = ctx.site();
  if (item.author.type === 'agent' && site?.name) row.append(mark(s, site));
  // textContent only: a message body is never markup. Its direction is its own (dir=auto, isolated in
  // CSS), and bidi controls in it are shown, not obeyed: the stored text is unchanged.
  const body = el('p', 'body');
  body.dir = 'auto';
  for (const part of splitLinks(item.body))
    body.append(part.href ? link(part.text, part.href) : visibleControls(part.text));
  row.append(body);
  for (const a of item.articles ?? []) {
    // The help centre is on the Candor server, not on the site the widget is embedded in.
    const href = new URL(a.url, ctx.base).href;
    if (href.startsWith(ctx.base)) row.append(link(a.title, href));
  }
  const time = el('time', 'time', clock(item.at, s));
  time.dateTime = new Date(item.at).toISOString();
  row.append(time);
  return row;
}

/** An anchor built node by node: its text is the text written, its target a parsed http(s)/mailto URL. */
function link(text: string, href: string): HTMLAnchorElement {
  const a = el('a', '', visibleControls(text));
  a.href = href;
  a.title = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer nofollow';
  return a;
}

function clock(at: number, s: Strings): string {
  return new Date(at).toLocaleTimeString(s.lang, { hour: '2-digit', minute: '2-digit' });
}

function update(row: HTMLElement, item: Item, s: Strings): void {
  if (item.seq !== null) row.dataset.seq = String(item.seq);
  const ask = row.querySelector('.ask');
  if (!item.ask) ask?.remove();
  else if (!ask && item.id) {
    const buttons = el('span', 'meta ask');
    buttons.append(action('yes', item.id, s.botYes, ''), ' ', action('no', item.id, s.botNo, ''));
    row.append(buttons);
  }
  const seen = row.querySelector('.seen');
  if (!item.seen) seen?.remove();
  else if (!seen) row.append(el('span', 'seen', s.seen));
  if (row.dataset.state === item.state) return;
  row.dataset.state = item.state;
  row.querySelector('.meta')?.remove();
  if (item.state === 'sending') {
    const meta = el('span', 'meta', s.sending);
    // The row itself was announced; "Sending…" turning into nothing would be noise.
    meta.setAttribute('aria-hidden', 'true');
    row.append(meta);
  } else if (item.state === 'failed') {
    const meta = el('span', 'meta', `${s.notSent} ${reason(item, s)} `);
    meta.append(
      action('retry', item.key, s.retry, s.retryWhat),
      ' ',
      action('discard', item.key, s.discard, s.discardWhat),
    );
    row.append(meta);
  }
}

function reason(item: Item, s: Strings): string {
  if (item.failed === 'too_large') return s.tooLong;
  return item.failed && RETRYABLE_ERRORS.includes(item.failed) ? s.notStored : s.refused;
}

/** A button whose visible word starts its accessible name, and the rest says which message. */
function action(name: string, key: string, label: string, what: string): HTMLButtonElement {
  const b = el('button', '', label);
  b.type = 'button';
  b.dataset.candor = name;
  b.dataset.key = key;
  if (what) b.append(el('span', 'sr', ` ${what}`));
  return b;
}

export type ListAction = 'retry' | 'discard' | 'yes' | 'no';

export interface ListContext {
  /** The Candor server's origin and path, which article links are on. */
  base: string;
  /** From the welcome; null: no mark is drawn. */
  site: () => Site | null;
}

/**
 * Returns a render function; `act` gets the action and the client key of a failed message (or the id
 * of the bot's answer).
 */
export function createMessageList(
  list: HTMLElement,
  s: Strings,
  act: (action: ListAction, key: string) => void,
  ctx: ListContext,
) {
  const rows = new Map<string, HTMLElement>();
  list.addEventListener('click', (ev) => {
    const button = (ev.target as HTMLElement).closest<HTMLElement>('button[data-key]');
    const key = button?.dataset.key;
    if (key) act(button.dataset.candor as ListAction, key);
  });
  return (items: readonly Item[]): boolean => {
    let added = false;
    let prev: ChildNode | null = null;
    const live = new Set<string>();
    for (const item of items) {
      live.add(item.key);
      let row = rows.get(item.key);
      if (!row) {
        row = build(item, s, ctx);
        rows.set(item.key, row);
        added = true;
      }
      update(row, item, s);
      const at: ChildNode | null = prev ? prev.nextSibling : list.firstChild;
      if (at !== row) list.insertBefore(row, at);
      prev = row;
    }
    rows.forEach((row, key) => {
      if (!live.has(key)) {
        row.remove();
        rows.delete(key);
      }
    });
    return added;
  };
}
