/**
 * The agent's notification preferences (saved on the server, so they follow them to any browser), and
 * the one button that asks this browser for desktop notifications: never asked unprompted.
 */
import { useState } from 'preact/hooks';
import type { AgentPreferences } from '@candor/protocol';
import type { NotificationControls } from '../notifications/use-notifications';
import { requestErrorText } from './admin-errors';
import { sayAgents, type AgentsTextKey } from '../agents-text';

const EVENTS: [keyof AgentPreferences['notify'], AgentsTextKey][] = [
  ['newConversation', 'notifyNewConversation'],
  ['newMessage', 'notifyNewMessage'],
  ['assigned', 'notifyAssigned'],
];

const PERMISSION_TEXT = {
  granted: 'desktopGranted',
  denied: 'desktopDenied',
  unsupported: 'desktopUnsupported',
} as const;

export function NotificationSettings({ controls }: { controls: NotificationControls }) {
  const { preferences: prefs, permission } = controls;
  const [error, setError] = useState<string | null>(null);
  const save = (next: AgentPreferences) => {
    setError(null);
    controls.save(next).catch((err: unknown) => setError(requestErrorText(err)));
  };
  return (
    <section class="admin-section notification-settings" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{sayAgents('notifications')}</h2>
      <fieldset>
        <legend>{sayAgents('notifyMeWhen')}</legend>
        {EVENTS.map(([key, label]) => (
          <label key={key} class="check">
            <input
              type="checkbox"
              data-testid={`notify-${key}`}
              checked={prefs.notify[key]}
              onChange={(e) =>
                save({ ...prefs, notify: { ...prefs.notify, [key]: e.currentTarget.checked } })
              }
            />
            {sayAgents(label)}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          data-testid="notify-sound"
          checked={prefs.sound}
          onChange={(e) => save({ ...prefs, sound: e.currentTarget.checked })}
        />
        {sayAgents('playSound')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="notify-desktop"
          checked={prefs.desktop}
          onChange={(e) => save({ ...prefs, desktop: e.currentTarget.checked })}
        />
        {sayAgents('showDesktop')}
      </label>
      {permission === 'default' ? (
        <p>
          <button type="button" data-testid="allow-desktop" onClick={() => void controls.requestPermission()}>
            {sayAgents('allowDesktopHere')}
          </button>
        </p>
      ) : (
        <p class="quiet" data-testid="desktop-permission">
          {sayAgents(PERMISSION_TEXT[permission])}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
