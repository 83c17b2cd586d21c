/** Small hooks binding views to the live session and the clock. */
import { useEffect, useState } from 'preact/hooks';
import type { LiveSession, LiveState } from '../live/session';

export function useLiveState(session: LiveSession): LiveState {
  const [state, setState] = useState(() => session.getState());
  useEffect(() => {
    setState(session.getState()); // it may have moved between the first render and this effect
    return session.subscribe(setState);
  }, [session]);
  return state;
}

/** The current time, refreshed on an interval, so "5m ago" ages without any new frame arriving. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
