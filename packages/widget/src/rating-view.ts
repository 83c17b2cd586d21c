/**
 * The satisfaction prompt in the panel once the conversation is resolved: five score buttons (pressed
 * shows the choice), an optional comment, and a send button; then a thank-you in its place.
 */
import { SATISFACTION_LIMITS } from '@candor/protocol';
import type { Chat } from './chat';
import type { Strings } from './i18n';

type Node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (globalThis.Node | string)[]
) => HTMLElementTagNameMap[K];

export function createRatingForm(node: Node, chat: Chat, s: Strings) {
  let score = 0;
  const scores = [1, 2, 3, 4, 5].map((n) =>
    node(
      'button',
      { type: 'button', 'aria-pressed': 'false', 'aria-label': s.rateScore.replace('{n}', String(n)) },
      String(n),
    ),
  );
  const comment = node('textarea', {
    rows: '2',
    'aria-label': s.rateComment,
    placeholder: s.rateComment,
    maxlength: String(SATISFACTION_LIMITS.commentMax),
    'data-candor': 'rating-comment',
  });
  const send = node('button', { type: 'submit', 'data-candor': 'rating-send' }, s.rateSend);
  const line = node('p', { role: 'status', 'data-candor': 'rating-status' });
  const form = node(
    'form',
    { class: 'contact rating', 'data-candor': 'rating', 'aria-labelledby': 'rating-heading', hidden: '' },
    node('p', { id: 'rating-heading' }, s.rateAsk),
    node('div', { role: 'group', 'aria-labelledby': 'rating-heading' }, ...scores),
    comment,
    send,
  );
  scores.forEach((b, i) =>
    b.addEventListener('click', () => {
      score = i + 1;
      scores.forEach((x, k) => x.setAttribute('aria-pressed', String(k === i)));
    }),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (score > 0) chat.rate(score, comment.value);
  });

  return {
    nodes: [form, line],
    render(): void {
      const phase = chat.state.rating;
      form.hidden = phase === null || phase === 'done';
      send.disabled = phase === 'sending';
      const text = phase === 'done' ? s.rateThanks : phase === 'failed' ? s.rateFailed : '';
      if (line.textContent !== text) line.textContent = text;
      line.hidden = text === '';
    },
  };
}
