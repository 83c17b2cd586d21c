/** The typing preview in a conversation: its status in the header, and the visitor's unsent draft. */
import type { PreviewState } from '@candor/protocol';
import { visibleControls } from '@candor/protocol';
import { previewStatus } from '../live/preview-status';
import { sayConversation } from '../conversation-text';

export function PreviewPill({ preview }: { preview: PreviewState }) {
  const status = previewStatus(preview);
  return (
    <>
      <span
        class={`pill preview-pill${status.enabled ? ' on' : ''}`}
        data-testid="preview-status"
        data-enabled={String(status.enabled)}
        title={status.explanation}
        aria-describedby="preview-explanation"
      >
        {status.label}
      </span>
      <span id="preview-explanation" class="visually-hidden">
        {status.explanation}
      </span>
    </>
  );
}

/**
 * Not announced (it changes on every keystroke; "Visitor is typing…" is), and set apart from the log so
 * nobody mistakes it for something the visitor said.
 */
export function VisitorDraft({ text }: { text: string }) {
  return (
    <div class="visitor-draft" data-testid="visitor-draft" aria-live="off">
      <span class="draft-label">{sayConversation('visitorDraft')}</span>
      <p class="draft-text" data-testid="visitor-draft-text" dir="auto">
        {visibleControls(text)}
      </p>
    </div>
  );
}
