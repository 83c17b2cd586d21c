/**
 * Text written by someone else, made safe to look at. Bidirectional embedding, override and isolate
 * controls (U+202A–U+202E, U+2066–U+2069) are invisible and reorder what follows them: a message can
 * make "txt.exe" read as "exe.txt", or a name spill its direction over the rest of a row. For display
 * only, each is shown as a visible marker ("[U+202E]") instead of being obeyed; the stored text keeps
 * them, and every other character is left as it is.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}
