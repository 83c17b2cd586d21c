/**
 * How a message body is shown (never how it is stored): bidirectional formatting characters are made
 * visible instead of obeyed, so a body cannot reorder what the reader sees (a "Trojan Source" trick
 * such as `invoice‮fdp.exe`). Each control is replaced by a visible marker naming it; the harmless
 * marks LRM/RLM (U+200E, U+200F) are kept. Shared by the widget and the console.
 */
const NAMES: Record<string, string> = {
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};

const CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every bidi embedding, override or isolate shown as `⟦RLO⟧` and the like. */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\u27e6${NAMES[c] ?? '?'}\u27e7`);
}
