/** What the conversation header says about the typing preview, derived from the conversation alone. */
import type { PreviewState } from '@candor/protocol';
import { previewEnabled } from './visitor-drafts';
import { sayConversation } from '../conversation-text';

export interface PreviewStatus {
  readonly enabled: boolean;
  readonly label: string;
  /** The longer explanation, shown as a tooltip and read by screen readers. */
  readonly explanation: string;
}

export function previewStatus(preview: PreviewState): PreviewStatus {
  if (preview.policy === 'off') {
    return {
      enabled: false,
      label: sayConversation('previewDisabled'),
      explanation: sayConversation('previewDisabledWhy'),
    };
  }
  if (previewEnabled(preview)) {
    return {
      enabled: true,
      label: sayConversation('previewOn'),
      explanation: sayConversation('previewOnWhy'),
    };
  }
  return {
    enabled: false,
    label: sayConversation('previewOff'),
    explanation: sayConversation(preview.policy === 'opt_in' ? 'previewOffOptIn' : 'previewOffChosen'),
  };
}
