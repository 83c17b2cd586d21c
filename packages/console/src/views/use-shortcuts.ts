/** The inbox's single-key shortcuts (see shortcuts.ts), on the whole page, added once per session. */
import { useEffect, useRef } from 'preact/hooks';
import { listTab, type Tab } from '../live/inbox-state';
import type { LiveSession, LiveState } from '../live/session';
import { navigate, type Route } from '../route';
import { neighbour, shortcutFor } from '../shortcuts';

interface Shown {
  state: LiveState;
  tab: Tab;
  openId: string | null;
  route: Route;
}

export function useShortcuts(session: LiveSession, shown: Shown, openHelp: () => void): void {
  // Read through a ref: the listener sees the latest state without being added again on each render.
  const latest = useRef(shown);
  latest.current = shown;
  useEffect(() => {
    const me = session.me.id;
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (action === null) return;
      const { state, tab, openId: id, route } = latest.current;
      if (action === 'help') {
        event.preventDefault();
        return openHelp();
      }
      if (route.page !== 'inbox') return;
      const entry = id === null ? undefined : state.inbox[id];
      event.preventDefault();
      switch (action) {
        case 'next':
        case 'previous': {
          const ids = listTab(state.inbox, tab, me).map((e) => e.id);
          const target = neighbour(ids, id, action === 'next' ? 1 : -1);
          if (target !== null && target !== id) navigate({ page: 'inbox', conversationId: target });
          return;
        }
        case 'reply':
          return document.getElementById('reply-input')?.focus();
        case 'assign':
          if (id !== null && entry && entry.assigneeId !== me) session.assign(id, me);
          return;
        case 'resolve':
          if (id !== null && entry?.status === 'open') session.resolve(id);
          return;
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [session, openHelp]);
}
