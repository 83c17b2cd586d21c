/** Says when the console is not live, so an agent never mistakes a stale inbox for a quiet one. */
import type { ConnectionStatus } from '../live/connection';
import { sayShell } from '../shell-text';

interface Props {
  status: ConnectionStatus;
  onRetry: () => void;
}

export function ConnectionBanner({ status, onRetry }: Props) {
  // A polite live region that stays mounted, so screen readers hear the change when it appears.
  return (
    <div aria-live="polite" class="banner-slot">
      {status === 'connecting' && (
        <p class="banner" data-testid="connection-banner" data-status={status}>
          {sayShell('connecting')}
        </p>
      )}
      {status === 'reconnecting' && (
        <p class="banner warn" data-testid="connection-banner" data-status={status}>
          {sayShell('reconnecting')}
          <button type="button" class="link" onClick={onRetry}>
            {sayShell('retryNow')}
          </button>
        </p>
      )}
      {status === 'outdated' && (
        <p class="banner warn" data-testid="connection-banner" data-status={status}>
          {sayShell('serverUpdated')}
          <button type="button" class="link" onClick={() => location.reload()}>
            {sayShell('reloadConsole')}
          </button>
        </p>
      )}
    </div>
  );
}
