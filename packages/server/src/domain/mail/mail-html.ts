/** The small HTML of emails: every dynamic text is escaped here, and only here. */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A message body as paragraphs: escaped, line breaks kept. */
export function bodyHtml(body: string): string {
  return escapeHtml(body).replace(/\r?\n/g, '<br>');
}

export function page(lang: string, title: string, inner: string): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#222">${inner}</body></html>`;
}
