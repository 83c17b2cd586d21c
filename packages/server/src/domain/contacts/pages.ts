/**
 * Pages of the host site a visitor reports: what is kept of one, and which of them belong to a chat.
 * The query and fragment are dropped: they may hold tokens (password resets, magic links), and the
 * privacy note promises the page's address and title only.
 */
import type { ConversationRecord, PageRecord } from '../types';
import { DomainError } from '../errors';

/** Pages kept per visitor, newest; older ones are deleted as new ones arrive. */
export const PAGES_KEPT = 50;
export const PAGE_URL_MAX = 2048;
export const PAGE_TITLE_MAX = 200;

/** The page as kept, or a bad_frame error: http(s) only, with a host. */
export function keptPage(url: string, title: string, at: number): PageRecord {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DomainError('bad_frame', 'The page address is not a URL.');
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname)
    throw new DomainError('bad_frame', 'Only http and https pages are reported.');
  // No credentials either: http://user:pass@host would carry a password.
  const kept = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  if (kept.length > PAGE_URL_MAX) throw new DomainError('too_large', 'The page address is too long.');
  return { url: kept, title: oneLine(title).slice(0, PAGE_TITLE_MAX), at };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Of a visitor's last pages (any order), those of this conversation, oldest first: the page the
 * chat started on (the last one seen before it began), then every page until it was resolved, or now.
 */
export function pagesDuringChat(
  pages: readonly PageRecord[],
  chat: Pick<ConversationRecord, 'createdAt' | 'updatedAt' | 'status'>,
): PageRecord[] {
  const sorted = [...pages].sort((a, b) => a.at - b.at);
  const end = chat.status === 'resolved' ? chat.updatedAt : Number.POSITIVE_INFINITY;
  const startedOn = sorted.filter((p) => p.at <= chat.createdAt).at(-1);
  const during = sorted.filter((p) => p.at > chat.createdAt && p.at <= end);
  return startedOn ? [startedOn, ...during] : during;
}
