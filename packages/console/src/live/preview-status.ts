/** What the conversation header says about the typing preview, derived from the conversation alone. */
import type { PreviewState } from '@candor/protocol';
import { previewEnabled } from './visitor-drafts';

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
      label: 'Typing preview disabled for this inbox',
      explanation: 'An admin turned the typing preview off for this inbox: you see only sent messages.',
    };
  }
  if (previewEnabled(preview)) {
    return {
      enabled: true,
      label: 'Typing preview on',
      explanation:
        'The visitor was told that you can see what they type before they send it, with secrets masked, ' +
        'and can switch this off at any time.',
    };
  }
  return {
    enabled: false,
    label: 'Typing preview off',
    explanation:
      preview.policy === 'opt_in'
        ? 'In this inbox the visitor chooses whether to show what they type; they have not turned it on. ' +
          'You see only sent messages.'
        : 'The visitor was told about the typing preview and switched it off (or has not seen the notice yet). ' +
          'You see only sent messages.',
  };
}
