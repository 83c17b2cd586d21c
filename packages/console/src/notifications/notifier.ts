/**
 * Raises an alert the way the agent chose: a short sound, and a desktop notification where this
 * browser allowed them (asked only from an explicit button: `requestDesktopPermission`). A
 * notification names the visitor, never what they wrote: it may show on a locked or shared screen.
 */
import type { AgentPreferences } from '@candor/protocol';
import { wanted, type Alert } from '../live/notify-rules';
import { say } from '../console-text';
import { saySupervision } from '../recovery/supervision-text';
import { sayShell, type ShellTextKey } from '../shell-text';
import { visitorLabel } from '../visitor-label';

const TITLES: Record<Alert['kind'], ShellTextKey> = {
  newConversation: 'notifyNewConversation',
  newMessage: 'notifyNewMessage',
  assigned: 'notifyAssigned',
};

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Only ever called from the agent's click: browsers ignore or penalise unprompted requests. */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.requestPermission();
}

export function raise(alert: Alert, prefs: AgentPreferences, open: (conversationId: string) => void): void {
  if (!wanted(alert, prefs)) return;
  if (prefs.sound) beep();
  if (!prefs.desktop || desktopPermission() !== 'granted') return;
  const note = new Notification(alert.toTeam ? say('transferredToTeam') : sayShell(TITLES[alert.kind]), {
    body: visitorLabel(alert.visitorName),
    // One per conversation: a second message replaces the first instead of piling up.
    tag: `candor-${alert.conversationId}`,
  });
  note.onclick = () => {
    window.focus();
    open(alert.conversationId);
    note.close();
  };
}

/**
 * A takeover signal to a supervisor or admin: no per-kind switch (it is a security warning), but the
 * agent's sound and desktop choices hold. Names no visitor and nothing they wrote.
 */
export function raiseSignal(
  conversationId: string,
  prefs: AgentPreferences,
  open: (conversationId: string) => void,
): void {
  if (prefs.sound) beep();
  if (!prefs.desktop || desktopPermission() !== 'granted') return;
  const note = new Notification(saySupervision('signalDesktopTitle'), {
    body: saySupervision('signalNotice'),
    tag: `candor-signal-${conversationId}`,
  });
  note.onclick = () => {
    window.focus();
    open(conversationId);
    note.close();
  };
}

let audio: AudioContext | undefined;

/** Two short tones, synthesised: no sound file to fetch or to serve. */
function beep(): void {
  try {
    audio ??= new AudioContext();
    const at = audio.currentTime;
    for (const [offset, hz] of [
      [0, 880],
      [0.14, 1320],
    ] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.08, at + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + offset + 0.12);
      osc.connect(gain).connect(audio.destination);
      osc.start(at + offset);
      osc.stop(at + offset + 0.13);
    }
  } catch {
    // No audio device, or the browser refused: the desktop notification and the title still say it.
  }
}
