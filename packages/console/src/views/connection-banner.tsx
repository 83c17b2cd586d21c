/** Says when the console is not live, so an agent never mistakes a stale inbox for a quiet one. */
import type { ConnectionStatus } from '../live/connection';

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
          Connecting…
        </p>
      )}
      {status === 'reconnecting' && (
        <p class="banner warn" data-testid="connection-banner" data-status={status}>
          Reconnecting… Replies you send are kept and go out once the connection is back.
          <button type="button" class="link" onClick={onRetry}>
            Retry now
          </button>
        </p>
      )}
      {status === 'outdated' && (
        <p class="banner warn" data-testid="connection-banner" data-status={status}>
          The server was updated.
          <button type="button" class="link" onClick={() => location.reload()}>
            Reload the console
          </button>
        </p>
      )}
    </div>
  );
}
