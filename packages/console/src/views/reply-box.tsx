/** The reply box: Enter sends, Shift+Enter adds a line; the draft survives switching conversations. */
import { useState } from 'preact/hooks';
import { LIMITS } from '@candor/protocol';

interface Props {
  label: string;
  draft: string;
  onDraft: (text: string) => void;
  onTyping: () => void;
  onSend: (body: string) => void;
}

export function ReplyBox({ label, draft, onDraft, onTyping, onSend }: Props) {
  const [body, setBody] = useState(draft);
  const length = body.trim().length;
  const tooLong = length > LIMITS.messageBodyMax;

  const change = (text: string) => {
    setBody(text);
    onDraft(text);
  };
  const submit = () => {
    if (length === 0 || tooLong) return;
    onSend(body);
    change('');
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
