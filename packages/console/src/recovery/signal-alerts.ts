/**
 * Takeover signals raised to supervisors and admins: a `recovery.changed` frame with `signal: true`
 * adds its conversation to the console's badge until they open it or dismiss the notice.
 */
import type { AgentRole, RecoveryChangedFrame } from '@candor/protocol';
import { supervises } from './approvals';

/** Conversations with a takeover signal not yet looked at, oldest first, each once. */
export type SignalAlerts = readonly string[];
export const noSignalAlerts: SignalAlerts = [];

export function afterRecoveryChanged(
  alerts: SignalAlerts,
  frame: Pick<RecoveryChangedFrame, 'conversationId' | 'signal'>,
  ctx: { role: AgentRole; watchedId: string | null },
): SignalAlerts {
  if (frame.signal !== true || !supervises(ctx.role)) return alerts;
  // On screen already: the panel shows the warning where they are looking.
  if (frame.conversationId === ctx.watchedId || alerts.includes(frame.conversationId)) return alerts;
  return [...alerts, frame.conversationId];
}

/** Opened or dismissed: no longer counted. */
export function seen(alerts: SignalAlerts, conversationId: string): SignalAlerts {
  return alerts.includes(conversationId) ? alerts.filter((id) => id !== conversationId) : alerts;
}
