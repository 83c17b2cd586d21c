/**
 * The reply box: Enter sends, Shift+Enter adds a line; the draft survives switching conversations. In a
 * conversation assigned to someone else, the first send asks to confirm (collision warning); once
 * confirmed, replies in this conversation go straight out until it is left.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS } from '@candor/protocol';
import { UserText } from './user-text';

interface Props {
  label: string;
  draft: string;
  onDraft: (text: string) => void;
  onTyping: () => void;
  onSend: (body: string) => void;
  /** The colleague the conversation is assigned to, when it is not this agent; null otherwise. */
  assignedToOther: string | null;
}

export function ReplyBox({ label, draft, onDraft, onTyping, onSend, assignedToOther }: Props) {
  const [body, setBody] = useState(draft);
  const [asking, setAsking] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const length = body.trim().length;
  const tooLong = length > LIMITS.messageBodyMax;
  useEffect(() => {
    if (asking) confirmButton.current?.focus();
  }, [asking]);
  // Reassigned meanwhile: a confirmation given for one colleague does not carry over to another.
  useEffect(() => {
    setConfirmed(false);
    setAsking(false);
  }, [assignedToOther]);

  const change = (text: string) => {
    setBody(text);
    onDraft(text);
  };
  const submit = (confirming = false) => {
    if (length === 0 || tooLong) return;
    if (assignedToOther !== null && !confirmed && !confirming) return setAsking(true);
    if (confirming) setConfirmed(true);
    setAsking(false);
    onSend(body);
    change('');
  };
  const cancel = () => {
    setAsking(false);
    document.getElementById('reply-input')?.focus();
  };

  return (
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label for="reply-input" class="visually-hidden">
        {label}
      </label>
      <textarea
        id="reply-input"
        data-testid="reply-input"
        rows={3}
        value={body}
        placeholder="Write a reply…"
        aria-describedby="reply-hint"
        aria-invalid={tooLong}
        onInput={(e) => {
          change(e.currentTarget.value);
          onTyping();
        }}
        onKeyDown={(e) => {
          // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) must not send.
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
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
            This conversation is assigned to <UserText text={assignedToOther} />. Reply anyway?
          </p>
          <button
            type="button"
            class="primary"
            ref={confirmButton}
            data-testid="reply-confirm-send"
            onClick={() => submit(true)}
          >
            Reply anyway
          </button>
          <button type="button" data-testid="reply-confirm-cancel" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      <div class="reply-bar">
        <span id="reply-hint" class={tooLong ? 'hint error' : 'hint'}>
          {tooLong
            ? `Too long: ${length} of ${LIMITS.messageBodyMax} characters.`
            : 'Enter to send, Shift+Enter for a new line.'}
        </span>
        <button type="submit" class="primary" data-testid="reply-send" disabled={length === 0 || tooLong}>
          Send
        </button>
      </div>
    </form>
  );
}
