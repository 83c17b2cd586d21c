/**
 * The console-wide notice of a takeover signal (supervisors and admins): the latest signalled recovery
 * conversation, with a way to open it or dismiss the notice. The badge on "Approvals" counts them all.
 */
import { saySupervision } from '../recovery/supervision-text';

interface Props {
  conversationId: string;
  onOpen: (conversationId: string) => void;
  onDismiss: (conversationId: string) => void;
}

export function SignalNotice({ conversationId, onOpen, onDismiss }: Props) {
  return (
    <div class="notice signal-notice" role="alert" data-testid="signal-notice">
      {saySupervision('signalNotice')}{' '}
      <button type="button" data-testid="signal-open" onClick={() => onOpen(conversationId)}>
        {saySupervision('signalOpen')}
      </button>{' '}
      <button type="button" class="link" onClick={() => onDismiss(conversationId)}>
        {saySupervision('signalDismiss')}
      </button>
    </div>
  );
}
