/**
 * The reply box: Enter sends, Shift+Enter adds a line; the draft survives switching conversations.
 * A "Private note" toggle writes a note for agents instead (never sent to the visitor, and no typing
 * signal either). Typing `/name` opens the canned-response picker. In a conversation assigned to
 * someone else, the first reply asks to confirm (collision warning); once confirmed, replies in this
 * conversation go straight out until it is left. A note never asks: it changes nobody's work.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { fillCannedResponse, LIMITS, TOOL_LIMITS } from '@candor/protocol';
import type { CannedResponse, CannedVariables } from '@candor/protocol';
import { insertCanned, matchCanned, shortcutAt } from '../canned-picker';
import type { ShortcutQuery } from '../canned-picker';
import { CANNED_LISTBOX_ID, cannedOptionId, CannedList } from './canned-list';
import { UserText } from './user-text';
import { sayConversation } from '../conversation-text';

interface Props {
  label: string;
  draft: string;
  onDraft: (text: string) => void;
  onTyping: () => void;
  onSend: (body: string) => void;
  /** Stores a private note; rejects with a message to show. */
  onNote?: (body: string) => Promise<void>;
  /** Shared and personal canned responses, read when the picker first opens. */
  loadCanned?: () => Promise<CannedResponse[]>;
  variables?: CannedVariables;
  /** The visitor's language, when known: its responses come first. */
  preferLocale?: 'en' | 'fr' | null;
  /** The colleague the conversation is assigned to, when it is not this agent; null otherwise. */
  assignedToOther: string | null;
}

export function ReplyBox(props: Props) {
  const { label, draft, onDraft, onTyping, onSend, onNote, loadCanned, variables, assignedToOther } = props;
  const [body, setBody] = useState(draft);
  const [noteMode, setNoteMode] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [query, setQuery] = useState<ShortcutQuery | null>(null);
  const [active, setActive] = useState(0);
  const [canned, setCanned] = useState<CannedResponse[] | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const caretAfter = useRef<number | null>(null);
  const length = body.trim().length;
  const max = noteMode ? TOOL_LIMITS.noteBodyMax : LIMITS.messageBodyMax;
  const tooLong = length > max;
  const [asking, setAsking] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);
  // Reassigned meanwhile: a confirmation given for one colleague does not carry over to another.
  useEffect(() => {
    setConfirmed(false);
    setAsking(false);
  }, [assignedToOther]);

  const matches = query && canned ? matchCanned(canned, query.query, props.preferLocale ?? null) : [];
  const pickerOpen = query !== null && loadCanned !== undefined;
  const fill = (c: CannedResponse) =>
    fillCannedResponse(c.body, variables ?? { visitorName: 'there', agentName: '' });

  useLayoutEffect(() => {
    const at = caretAfter.current;
    if (at === null || !input.current) return;
    caretAfter.current = null;
    input.current.setSelectionRange(at, at);
  });

  const change = (text: string, caret: number | null) => {
    setBody(text);
    onDraft(text);
    const next = caret === null ? null : shortcutAt(text, caret);
    setQuery(next);
    setActive(0);
    if (next && canned === null && loadCanned) {
      setCanned([]); // once: a failed load shows an empty list rather than retrying on every key
      loadCanned().then(setCanned, () => setCanned([]));
    }
  };
  const pick = (c: CannedResponse) => {
    if (!query) return;
    const inserted = insertCanned(body, query, fill(c));
    caretAfter.current = inserted.caret;
    change(inserted.text, null);
  };
  const submit = async (confirming = false) => {
    if (length === 0 || tooLong || saving) return;
    if (!noteMode) {
      if (assignedToOther !== null && !confirmed && !confirming) return setAsking(true);
      if (confirming) setConfirmed(true);
      setAsking(false);
      onSend(body);
      change('', null);
      return;
    }
    if (!onNote) return;
    setSaving(true);
    setNoteError(null);
    try {
      await onNote(body);
      change('', null);
    } catch (err) {
      setNoteError(err instanceof Error ? err.message : sayConversation('noteNotSaved'));
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    setAsking(false);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (pickerOpen && e.key === 'Escape') {
      e.preventDefault();
      setQuery(null);
      return;
    }
    if (pickerOpen && matches.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((active + step + matches.length) % matches.length);
        return;
      }
      if ((e.key === 'Enter' && !e.shiftKey && !e.isComposing) || e.key === 'Tab') {
        e.preventDefault();
        const chosen = matches[Math.min(active, matches.length - 1)];
        if (chosen) pick(chosen);
        return;
      }
    }
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  const activeMatch = pickerOpen ? matches[Math.min(active, matches.length - 1)] : undefined;
  const hint = tooLong
    ? sayConversation('tooLong', { length, max })
    : noteError
      ? sayConversation('notSaved', { reason: noteError })
      : sayConversation(noteMode ? 'noteHint' : 'replyHint');

  return (
    <form
      class={noteMode ? 'reply note-mode' : 'reply'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for="reply-input" class="visually-hidden">
        {noteMode ? sayConversation('noteLabel') : label}
      </label>
      {pickerOpen && (
        <CannedList
          matches={matches}
          active={Math.min(active, Math.max(0, matches.length - 1))}
          loading={canned === null}
          query={query.query}
          preview={fill}
          onPick={pick}
        />
      )}
      <textarea
        id="reply-input"
        data-testid="reply-input"
        data-mode={noteMode ? 'note' : 'reply'}
        ref={input}
        rows={3}
        value={body}
        placeholder={sayConversation(noteMode ? 'notePlaceholder' : 'replyPlaceholder')}
        aria-describedby="reply-hint"
        aria-invalid={tooLong}
        aria-controls={pickerOpen && matches.length > 0 ? CANNED_LISTBOX_ID : undefined}
        aria-activedescendant={activeMatch ? cannedOptionId(activeMatch.id) : undefined}
        onInput={(e) => {
          change(e.currentTarget.value, e.currentTarget.selectionStart);
          // A note is not a reply: the visitor must not be told an agent is typing.
          if (!noteMode) onTyping();
        }}
        onBlur={() => setQuery(null)}
        onKeyDown={onKeyDown}
      />
      {asking && assignedToOther !== null && (
        <div
          class="confirm reply-confirm"
          role="alertdialog"
          aria-labelledby="reply-confirm-text"
          data-testid="reply-confirm"
          onKeyDown={(e) => e.key === 'Escape' && cancel()}
        >
          <p id="reply-confirm-text">
            {sayConversation('assignedToOtherBefore')}
            <UserText text={assignedToOther} />
            {sayConversation('assignedToOtherAfter')}
          </p>
          <button
            type="button"
            class="primary"
            ref={confirmButton}
            data-testid="reply-confirm-send"
            onClick={() => void submit(true)}
          >
            {sayConversation('replyAnyway')}
          </button>
          <button type="button" data-testid="reply-confirm-cancel" onClick={cancel}>
            {sayConversation('cancel')}
          </button>
        </div>
      )}
      <div class="reply-bar">
        {onNote && (
          <button
            type="button"
            class="note-toggle"
            data-testid="note-toggle"
            aria-pressed={noteMode}
            onClick={() => {
              setNoteMode(!noteMode);
              setNoteError(null);
              input.current?.focus();
            }}
          >
            {sayConversation('privateNote')}
          </button>
        )}
        <span id="reply-hint" class={tooLong || noteError ? 'hint error' : 'hint'}>
          {hint}
        </span>
        <button
          type="submit"
          class="primary"
          data-testid="reply-send"
          disabled={length === 0 || tooLong || saving}
        >
          {sayConversation(noteMode ? 'addNote' : 'send')}
        </button>
      </div>
    </form>
  );
}
