/**
 * Who sees a visitor's draft, as the admin page says it. It must match who the server relays drafts to
 * (realtime/connection.ts, `draft.changed`): the assigned agent and every admin who opens the
 * conversation.
 */
import type { ConsoleLang } from '../console-text';
import { sayAdmin } from '../admin-text';

export function previewAudience(lang?: ConsoleLang): string {
  return sayAdmin('previewAudience', {}, lang);
}
