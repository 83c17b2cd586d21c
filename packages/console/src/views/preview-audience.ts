/**
 * Who sees a visitor's draft, as the admin page says it. It must match who the server relays drafts to
 * (realtime/connection.ts, `draft.changed`): the assigned agent and every admin who opens the
 * conversation.
 */
export const PREVIEW_AUDIENCE =
  'With the preview on, the assigned agent and any admin who opens the conversation see what a visitor ' +
  'types before they send it, with secrets masked by the redaction rules below. Visitors are told, and ' +
  'can switch it off.';
