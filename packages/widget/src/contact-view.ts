/**
 * The contact form (pre-chat, or when an agent asks) and the privacy note, in the widget's panel.
 * The note lists exactly what the team sees; the form sends only what the visitor typed.
 */
import type { Chat } from './chat';
import type { Strings } from './i18n';

type Node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (globalThis.Node | string)[]
) => HTMLElementTagNameMap[K];

export function createPrivacyNote(node: Node, s: Strings): HTMLElement {
  return node(
    'details',
    { class: 'privacy', 'data-candor': 'privacy' },
    node('summary', {}, s.privacy),
    node('ul', {}, ...s.privacyItems.map((item) => node('li', {}, item))),
  );
}

export function createContactForm(node: Node, chat: Chat, s: Strings) {
  const label = (text: string, input: HTMLInputElement) => node('label', {}, text, input);
  const heading = node('p', { id: 'contact-heading' });
  const name = node('input', { type: 'text', name: 'name', autocomplete: 'name', maxlength: '100' });
  const email = node('input', { type: 'email', name: 'email', autocomplete: 'email', maxlength: '254' });
  const problem = node('p', { class: 'problem', role: 'alert' });
  const share = node('button', { type: 'submit', 'data-candor': 'contact-share' }, s.contactShare);
  const skip = node('button', { type: 'button', 'data-candor': 'contact-skip' }, s.contactSkip);
  const form = node(
    'form',
    { class: 'contact', 'data-candor': 'contact-form', 'aria-labelledby': 'contact-heading', hidden: '' },
    heading,
    label(s.contactName, name),
    label(s.contactEmail, email),
    problem,
    node('div', {}, share, skip),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!email.checkValidity() || !chat.shareContact(name.value, email.value)) {
      problem.textContent = s.contactInvalid;
      email.focus();
    }
  });
  skip.addEventListener('click', () => chat.dismissContact());
  form.addEventListener('input', () => (problem.textContent = ''));

  return {
    form,
    /** true while the form stands in for the message box (a pre-chat form that requires an email). */
    render(): boolean {
      const c = chat.state.contact;
      const shown = c.form !== 'hidden';
      form.hidden = !shown;
      if (!shown) return false;
      heading.textContent = c.form === 'prechat' ? s.contactPreChat : s.contactAsked;
      email.required = c.requireEmail;
      skip.hidden = c.requireEmail;
      if (c.error) problem.textContent = s.contactInvalid;
      return c.form === 'prechat';
    },
  };
}
