/**
 * Limits of the agents' tools (issue 12): private notes, tags, canned responses. Browser-safe, so the
 * console refuses early with the same numbers the server enforces.
 */
export const TOOL_LIMITS = {
  /** Characters in a private note, after trimming (as a message). */
  noteBodyMax: 4000,
  /** Characters in one tag, after trimming and lower-casing. */
  tagLengthMax: 32,
  /** Tags on one conversation. */
  tagsPerConversation: 10,
  /** Characters in a canned response's shortcut (`/name`): lower-case letters, digits, `-` and `_`. */
  shortcutMax: 32,
  /** Characters in a canned response's text. */
  cannedBodyMax: 4000,
  /** Personal canned responses per agent; shared ones have their own cap. */
  personalCannedMax: 200,
  sharedCannedMax: 1000,
} as const;

/** What a canned response's shortcut may be: typed after `/` in the reply box. */
export const SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

/** The languages canned responses are written in; the picker prefers the visitor's. */
export const CANNED_LOCALES = ['en', 'fr'] as const;
