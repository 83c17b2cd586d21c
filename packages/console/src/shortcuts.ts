/**
 * Keyboard shortcuts of the inbox: single keys, as Gmail and Intercom use, so they never fire while
 * the agent types in a field (or with Ctrl, Alt or Meta, which belong to the browser and the OS).
 */
import type { ShellTextKey } from './shell-text';

export type ShortcutAction = 'next' | 'previous' | 'resolve' | 'assign' | 'reply' | 'help';

/** In the order the help dialog lists them. */
export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: ShellTextKey }[] = [
  { key: 'j', action: 'next', label: 'shortcutNext' },
  { key: 'k', action: 'previous', label: 'shortcutPrevious' },
  { key: 'r', action: 'reply', label: 'shortcutReply' },
  { key: 'a', action: 'assign', label: 'shortcutAssign' },
  { key: 'e', action: 'resolve', label: 'shortcutResolve' },
  { key: '?', action: 'help', label: 'shortcutHelp' },
];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  /** The element the key went to (only its tag, editability and enclosing dialog are read). */
  target: unknown;
}

/** The action a key press asks for, or null (typing in a field, a modifier, another key). */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (isEditable(event.target)) return null;
  return SHORTCUTS.find((s) => s.key === event.key)?.action ?? null;
}

/** Fields, and anything inside an open dialog (its own keys are its own). */
function isEditable(target: unknown): boolean {
  const el = target as { tagName?: unknown; isContentEditable?: unknown; closest?: unknown } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable === true) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase())) return true;
  return typeof el.closest === 'function' && (el.closest as (s: string) => unknown)('dialog[open]') !== null;
}

/** The conversation after (or before) `currentId` in the list shown; the first when none is open. */
export function neighbour(ids: readonly string[], currentId: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = currentId === null ? -1 : ids.indexOf(currentId);
  if (at === -1) return step === 1 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null);
  return ids[Math.min(Math.max(at + step, 0), ids.length - 1)] ?? null;
}
