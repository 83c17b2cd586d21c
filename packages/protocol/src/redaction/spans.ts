import type { Redacted, SecretKind } from './index';

/** A stretch of text to replace, and what replaces it. */
export interface Span {
  start: number;
  end: number;
  kind: SecretKind;
  label: string;
  placeholder: string;
}

export interface Spans {
  lock(start: number, end: number): void;
  free(start: number, end: number): boolean;
  /** Where a span from `start` must stop so as not to reach a later span: `end`, or sooner. */
  clip(start: number, end: number): number;
  /** Takes the span if no earlier span and no locked placeholder overlaps it. */
  take(span: Span): boolean;
  /** Takes what no span and no placeholder covers of `span`, in pieces, each with its placeholder. */
  fill(span: Span): void;
  /** The text with every taken span replaced; everything else byte for byte. */
  apply(text: string): Redacted;
}

/**
 * The spans chosen in one pass. Detectors run from the most specific to the least, and a later one
 * may only take text that no earlier one took. Placeholders already in the text are locked: no
 * detector may take any part of them, so masking twice changes nothing.
 */
export function spans(): Spans {
  const taken: Span[] = [];
  const locked: { start: number; end: number }[] = [];
  const free = (start: number, end: number) => {
    const apart = (s: { start: number; end: number }) => end <= s.start || start >= s.end;
    return taken.every(apart) && locked.every(apart);
  };
  return {
    lock: (start, end) => void locked.push({ start, end }),
    free,
    clip: (start, end) => {
      for (const s of [...taken, ...locked]) if (s.start > start && s.start < end) end = s.start;
      return end;
    },
    take: (span) => span.end > span.start && free(span.start, span.end) && taken.push(span) > 0,
    fill(span) {
      const over = [...taken, ...locked].filter((s) => s.start < span.end && span.start < s.end);
      let at = span.start;
      for (const s of over.sort((a, b) => a.start - b.start)) {
        if (s.start > at) taken.push({ ...span, start: at, end: s.start });
        at = Math.max(at, s.end);
      }
      if (at < span.end) taken.push({ ...span, start: at, end: span.end });
    },
    apply(text) {
      const sorted = taken.sort((a, b) => a.start - b.start);
      let out = '';
      let at = 0;
      for (const s of sorted) {
        out += text.slice(at, s.start) + s.placeholder;
        at = s.end;
      }
      return { text: out + text.slice(at), found: sorted.map((s) => ({ kind: s.kind, label: s.label })) };
    },
  };
}
