/**
 * An agent's notification preferences: what they are unless changed, and how a stored value is read.
 * Stored as JSON written by an older or newer version, it is read field by field: a field missing or
 * of the wrong type takes its default, so adding a preference later needs no migration.
 */
import type { AgentPreferences } from '@candor/protocol';

export const DEFAULT_PREFERENCES: AgentPreferences = Object.freeze({
  notify: Object.freeze({ newConversation: true, newMessage: true, assigned: true }),
  sound: true,
  desktop: true,
});

export function readPreferences(stored: unknown): AgentPreferences {
  const at = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);
  const d = DEFAULT_PREFERENCES;
  const notify = at(stored, 'notify');
  return {
    notify: {
      newConversation: flag(at(notify, 'newConversation'), d.notify.newConversation),
      newMessage: flag(at(notify, 'newMessage'), d.notify.newMessage),
      assigned: flag(at(notify, 'assigned'), d.notify.assigned),
    },
    sound: flag(at(stored, 'sound'), d.sound),
    desktop: flag(at(stored, 'desktop'), d.desktop),
  };
}
