/**
 * While the team is away, the message box becomes "Leave us a message" with an email field; once the
 * conversation is resolved, the visitor may have its transcript emailed (prefilled with their email).
 */
import type { Chat } from './chat';
import type { Strings } from './i18n';

type Node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (globalThis.Node | string)[]
) => HTMLElementTagNameMap[K];

/** A labelled email field: the visible label is its accessible name. */
function emailField(node: Node, s: Strings) {
  const input = node('input', { type: 'email', autocomplete: 'email' });
  return { input, label: node('label', {}, s.contactEmail, input) };
}

export function createLeaveFields(node: Node, chat: Chat, s: Strings) {
  const field = emailField(node, s);
  const email = field.input;
  email.required = true;
  const box = node(
    'div',
    { class: 'contact', 'data-candor': 'leave', hidden: '' },
    node('p', {}, s.leaveAsk),
    field.label,
  );
  return {
    box,
    email: () => email.value,
    /** true while the team is away and no conversation exists: the next message is left with an email. */
    render(): boolean {
      const st = chat.state;
      const t = st.timeline;
      box.hidden = !(st.hours && !st.hours.open && !t.conversationId && !t.outbox.length);
      return !box.hidden;
    },
    /** Sends the text as a left message; false (the email is focused) when the email is not valid. */
    send(text: string): boolean {
      if (!email.checkValidity()) {
        email.focus();
        return false;
      }
      return chat.leave(email.value, text);
    },
  };
}

/** `known`: an email the visitor typed on this page, to prefill; empty, the server uses the contact's. */
export function createTranscriptForm(node: Node, chat: Chat, s: Strings, known: () => string) {
  const field = emailField(node, s);
  const email = field.input;
  const line = node('p', { role: 'status' });
  const form = node(
    'form',
    { class: 'contact', 'data-candor': 'transcript', hidden: '' },
    field.label,
    node('button', { type: 'submit' }, s.transcriptAsk),
    line,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    chat.transcript(email.value);
  });
  return {
    form,
    render(): void {
      const st = chat.state;
      form.hidden = st.timeline.conversation?.status !== 'resolved';
      if (!email.value) email.value = known();
      line.textContent =
        st.transcript === 'sent' ? s.transcriptSent : st.transcript === 'failed' ? s.transcriptFailed : '';
    },
  };
}
