/**
 * The workspace's notifications: the agent's preferences (from the server, so they follow the agent
 * across browsers), alerts raised from live conversation updates, and the tab title counting only
 * what is theirs.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentPreferences } from '@candor/protocol';
import { api } from '../api';
import type { LiveSession, LiveState } from '../live/session';
import { alertFor, alertForTransfer, titleCount, titleFor } from '../live/notify-rules';
import {
  desktopPermission,
  raise,
  raiseSignal,
  requestDesktopPermission,
  type DesktopPermission,
} from './notifier';

export const DEFAULT_PREFERENCES: AgentPreferences = {
  notify: { newConversation: true, newMessage: true, assigned: true },
  sound: true,
  desktop: true,
};

export interface NotificationControls {
  preferences: AgentPreferences;
  /** Saves on the server; resolves once stored. */
  save(preferences: AgentPreferences): Promise<void>;
  permission: DesktopPermission;
  requestPermission(): Promise<void>;
}

export function useNotifications(
  session: LiveSession,
  state: LiveState,
  open: (conversationId: string) => void,
  /** The agent's teams: a transfer to one of them is told like an assignment. */
  teamIds: readonly string[] = [],
): NotificationControls {
  const [preferences, setPreferences] = useState(DEFAULT_PREFERENCES);
  const [permission, setPermission] = useState(desktopPermission);
  const status = state.agentStatus[session.me.id]?.status ?? null;
  const current = useRef({ preferences, openId: state.openId, open, teamIds, status, inbox: state.inbox });
  current.current = { preferences, openId: state.openId, open, teamIds, status, inbox: state.inbox };

  useEffect(() => {
    api.myPreferences().then(
      (r) => setPreferences(r.preferences),
      () => undefined, // the defaults stand; the account page shows errors when saving
    );
  }, []);

  useEffect(
    () =>
      session.onConversationUpdate((held, next) => {
        const { preferences: prefs, openId } = current.current;
        const looking = document.visibilityState === 'visible' && document.hasFocus();
        const alert = alertFor(held, next, { meId: session.me.id, watchedId: looking ? openId : null });
        if (alert) raise(alert, prefs, current.current.open);
      }),
    [session],
  );

  useEffect(
    () =>
      session.onTransferred((frame) => {
        const { preferences: prefs, openId, teamIds: mine, status: chosen, inbox } = current.current;
        const looking = document.visibilityState === 'visible' && document.hasFocus();
        const alert = alertForTransfer(frame, inbox[frame.conversationId], {
          meId: session.me.id,
          watchedId: looking ? openId : null,
          teamIds: mine,
          status: chosen,
        });
        if (alert) raise(alert, prefs, current.current.open);
      }),
    [session],
  );

  // Supervisors and admins only: the session counts a signal for them alone (recovery/signal-alerts.ts).
  useEffect(
    () =>
      session.onSignal((conversationId) =>
        raiseSignal(conversationId, current.current.preferences, current.current.open),
      ),
    [session],
  );

  const count = titleCount(state.inbox, session.me.id);
  useEffect(() => {
    document.title = titleFor(count);
  }, [count]);
  useEffect(
    () => () => {
      document.title = 'Candor';
    },
    [],
  );

  const save = useCallback(async (next: AgentPreferences) => {
    const stored = await api.setMyPreferences(next);
    setPreferences(stored.preferences);
  }, []);
  const requestPermission = useCallback(async () => {
    setPermission(await requestDesktopPermission());
  }, []);
  return { preferences, save, permission, requestPermission };
}
