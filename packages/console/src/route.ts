/** The console's few URLs, so a conversation can be linked to and the back button works. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'inbox'; conversationId: string | null }
  | { page: 'admin' }
  /** API tokens and webhooks for the host site's back end (issue 14), admins. */
  | { page: 'integrations' }
  | { page: 'account' }
  | { page: 'ratings' }
  | { page: 'approvals' }
  /** The audit trail, of one conversation or all (issue 14). */
  | { page: 'audit'; conversationId: string | null };

const BASE = '/console';

export function parseRoute(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  if (rest === '/admin' || rest === '/admin/') return { page: 'admin' };
  if (rest === '/admin/integrations' || rest === '/admin/integrations/') return { page: 'integrations' };
  if (rest === '/account' || rest === '/account/') return { page: 'account' };
  if (rest === '/ratings' || rest === '/ratings/') return { page: 'ratings' };
  if (rest === '/approvals' || rest === '/approvals/') return { page: 'approvals' };
  if (rest === '/audit' || rest === '/audit/') return { page: 'audit', conversationId: null };
  const audit = /^\/audit\/([^/]+)\/?$/.exec(rest)?.[1];
  if (audit !== undefined) return { page: 'audit', conversationId: decodedOrNull(audit) };
  const match = /^\/conversations\/([^/]+)\/?$/.exec(rest);
  const id = match?.[1];
  return { page: 'inbox', conversationId: id === undefined ? null : decodedOrNull(id) };
}

/** A malformed escape (a link cut mid-`%E0%A4`) opens the inbox rather than throwing and blanking the page. */
function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function pathFor(route: Route): string {
  if (route.page === 'admin') return `${BASE}/admin`;
  if (route.page === 'integrations') return `${BASE}/admin/integrations`;
  if (route.page === 'account') return `${BASE}/account`;
  if (route.page === 'ratings') return `${BASE}/ratings`;
  if (route.page === 'approvals') return `${BASE}/approvals`;
  if (route.page === 'audit')
    return route.conversationId === null
      ? `${BASE}/audit`
      : `${BASE}/audit/${encodeURIComponent(route.conversationId)}`;
  return route.conversationId === null
    ? BASE
    : `${BASE}/conversations/${encodeURIComponent(route.conversationId)}`;
}

const ROUTE_CHANGED = 'candor:route';

export function navigate(route: Route): void {
  const path = pathFor(route);
  if (path !== location.pathname) history.pushState(null, '', path);
  dispatchEvent(new Event(ROUTE_CHANGED));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.pathname));
  useEffect(() => {
    const sync = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', sync);
    addEventListener(ROUTE_CHANGED, sync);
    return () => {
      removeEventListener('popstate', sync);
      removeEventListener(ROUTE_CHANGED, sync);
    };
  }, []);
  return route;
}
