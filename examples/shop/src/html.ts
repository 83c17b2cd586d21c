/**
 * HTML built by a tagged template that escapes every value it is given, so a name or an email typed by
 * a customer (or sent by Candor) can never become markup. `raw()` marks a fragment built here already.
 */
const RAW = Symbol('raw html');

export interface Html {
  readonly [RAW]: string;
}

export function raw(text: string): Html {
  return { [RAW]: text };
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

type Value = string | number | Html | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly Value[]).map(render).join('');
  if (typeof value === 'object') return (value as Html)[RAW];
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

export function toString(h: Html): string {
  return h[RAW];
}
