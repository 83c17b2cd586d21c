/**
 * A snippet cut into plain and marked parts from the server's ranges. The view renders each part as
 * text (a `<mark>` around the marked ones), never as HTML, so a message cannot inject markup; ranges
 * that are out of bounds, overlapping or out of order are clamped or skipped, never trusted.
 */
import type { SearchHighlight } from '@candor/protocol';

export interface Part {
  text: string;
  marked: boolean;
}

export function highlightParts(text: string, ranges: readonly SearchHighlight[]): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(at, Math.min(range.start, text.length));
    const end = Math.min(Math.max(range.end, start), text.length);
    if (end === start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
