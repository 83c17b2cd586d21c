/** The passage of an article shown in the chat: plain text, the paragraph that matches the question best. */
const MAX_EXCERPT = 240;

/** Markdown to the text a reader sees: links keep their words, emphasis and code marks go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The paragraph in which `matches` finds most (the first on a tie), cut to about 240 characters at a
 * sentence's end, else at a word, with an ellipsis.
 */
export function excerptOf(markdown: string, matches: (paragraph: string) => number): string {
  const paragraphs = markdown
    .split(/\n\s*\n/)
    .map(plainText)
    .filter((p) => p.length > 0);
  let best = paragraphs[0] ?? '';
  let bestCount = -1;
  for (const p of paragraphs) {
    const count = matches(p);
    if (count > bestCount) [best, bestCount] = [p, count];
  }
  return cut(best);
}

function cut(text: string): string {
  if (text.length <= MAX_EXCERPT) return text;
  const head = text.slice(0, MAX_EXCERPT);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentence >= MAX_EXCERPT / 2) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > 0 ? space : MAX_EXCERPT).replace(/[\s,;:]+$/, '')}…`;
}
