/**
 * A sample article as a file (packages/server/src/demo/help-articles/{en,fr}/{slug}.md): front matter
 * lines `title:` and `category:` (optional), a blank line, then the Markdown body. The slug is the
 * file's name. Returns a reason instead when the file is not of that shape.
 */
import { ARTICLE_LIMITS } from '@candor/protocol';
import { isSlug } from './article-slug';

export interface ArticleFile {
  slug: string;
  title: string;
  category: string | null;
  body: string;
}

export function parseArticleFile(fileName: string, text: string): ArticleFile | { error: string } {
  const slug = fileName.replace(/\.md$/, '');
  if (!isSlug(slug)) return { error: `${fileName}: the name must be a slug (a-z, 0-9, dashes)` };
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blank = lines.findIndex((l) => l.trim() === '');
  const header = blank === -1 ? lines : lines.slice(0, blank);
  const fields = new Map<string, string>();
  for (const line of header) {
    const match = /^(title|category):\s*(.*)$/.exec(line);
    if (!match?.[1]) return { error: `${fileName}: unexpected front matter line "${line.slice(0, 40)}"` };
    fields.set(match[1], (match[2] ?? '').trim());
  }
  const title = fields.get('title') ?? '';
  const category = fields.get('category') ?? '';
  const body =
    blank === -1
      ? ''
      : lines
          .slice(blank + 1)
          .join('\n')
          .trim();
  if (title === '' || title.length > ARTICLE_LIMITS.titleMax)
    return { error: `${fileName}: no title, or too long` };
  if (category.length > ARTICLE_LIMITS.categoryMax) return { error: `${fileName}: category too long` };
  if (body === '' || body.length > ARTICLE_LIMITS.bodyMax)
    return { error: `${fileName}: no body, or too long` };
  return { slug, title, category: category === '' ? null : category, body };
}
