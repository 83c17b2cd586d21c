/**
 * The search form as the console holds it, and the query string GET /api/v1/search takes. Dates come
 * from `<input type="date">` (local days): "from" is the start of that day, "to" the end of that day.
 */
import { LIMITS } from '@candor/protocol';

export interface SearchForm {
  q: string;
  status: '' | 'open' | 'resolved';
  /** '' anyone; 'none' unassigned; otherwise an agent's id. */
  assigneeId: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
}

export const EMPTY_SEARCH: SearchForm = { q: '', status: '', assigneeId: '', from: '', to: '' };

/** Local midnight of a YYYY-MM-DD day, `days` later; undefined for anything else. */
function localDay(day: string, days = 0): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The inbox list's filters (list-filters.tsx), which narrow searches too. */
export interface SharedFilter {
  tag?: string | null;
  teamId?: string | null;
}

/** The query string of a search, or null when there is nothing to search for yet. */
export function searchParams(
  form: SearchForm,
  cursor?: string,
  shared: SharedFilter = {},
): URLSearchParams | null {
  const q = form.q.trim().slice(0, LIMITS.searchQueryMax);
  if (q === '') return null;
  const params = new URLSearchParams({ q });
  if (form.status !== '') params.set('status', form.status);
  if (form.assigneeId !== '') params.set('assigneeId', form.assigneeId);
  if (shared.teamId) params.set('team', shared.teamId);
  if (shared.tag) params.set('tag', shared.tag);
  const from = localDay(form.from);
  if (from) params.set('from', from.toISOString());
  const to = localDay(form.to, 1);
  if (to) params.set('to', to.toISOString());
  if (cursor !== undefined) params.set('cursor', cursor);
  return params;
}
