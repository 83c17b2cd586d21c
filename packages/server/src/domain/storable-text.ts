/**
 * Text every store keeps as it is. Two kinds of code unit are not: lone UTF-16 surrogates (half an
 * emoji, cut by a client), which each store would read back differently, and U+0000, which PostgreSQL
 * text cannot hold at all (SQLite can). Both become U+FFFD, as String#toWellFormed does for the first,
 * so a message reads the same from either store and a retried send still matches its stored copy.
 */
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what is looked for
const NOT_STORABLE = /[\u0000\p{Cs}]/gu;
// eslint-disable-next-line no-control-regex -- likewise
const HAS_NOT_STORABLE = /[\u0000\p{Cs}]/u;

export function storableText(text: string): string {
  return HAS_NOT_STORABLE.test(text) ? text.replace(NOT_STORABLE, '\uFFFD') : text;
}

/**
 * Every string in a parsed frame or request body made storable, at the one place each enters the
 * server, so no field (names, locales, keys, ids, labels) is forgotten. Top-level keys in `asSent` are
 * left alone (a frame's `ref` is only echoed back, and must match what the client sent). Returns a copy
 * only if needed.
 */
export function storableStrings<T>(value: T, asSent: readonly string[] = []): T {
  if (asSent.length === 0 || typeof value !== 'object' || value === null) return storableValue(value, 0) as T;
  const storable = storableValue(value, 0) as Record<string, unknown>;
  if (storable === value) return value;
  for (const key of asSent) if (key in value) storable[key] = (value as Record<string, unknown>)[key];
  return storable as T;
}

// Client frames and bodies are a few levels deep; the bound keeps a hostile shape from recursing far.
const MAX_DEPTH = 8;

function storableValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => storableValue(item, depth + 1));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const storable = storableValue(item, depth + 1);
    if (storable !== item) (copy ??= { ...value })[key] = storable;
  }
  return copy ?? value;
}
