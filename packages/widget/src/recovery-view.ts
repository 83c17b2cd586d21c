/**
 * Account recovery in the panel: the "I can't access my account" offer where a conversation starts
 * (its form is loaded on first press, recovery-form.ts); in a recovery chat, the banner that stays on
 * screen and the secure code field, outside the message box. The code goes from its field to the socket
 * and the field is emptied: it is never drawn in the transcript nor kept anywhere.
 */
import { RECOVERY_SITUATIONS } from '@candor/protocol';
import type { Chat } from './chat';
import type { Strings } from './i18n';
import { loadPart } from './lazy';
import type { CreateRecoveryForm } from './recovery-form';
import { codeResultText, recoveryStatusText } from './recovery-text';

type Node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (globalThis.Node | string)[]
) => HTMLElementTagNameMap[K];

export interface RecoveryViewOptions {
  /** The Candor server, which serves widget-recovery.js beside widget.js. */
  server: string;
  /** The recovery chat is open: the view puts the keyboard in the message box. */
  started(): void;
}

export function createRecoveryView(node: Node, chat: Chat, s: Strings, opts: RecoveryViewOptions) {
  let formOpen = false;
  let form: ReturnType<CreateRecoveryForm> | null = null;
  let loading: Promise<boolean> | null = null;
  const offer = node(
    'button',
    { type: 'button', class: 'hc', 'data-candor': 'recovery-offer' },
    s.recoveryOffer,
  );
  const offerProblem = node('p', { class: 'problem', role: 'alert' });
  const slot = node('div', { hidden: '' });

  const banner = node(
    'p',
    { class: 'queue', role: 'note', 'data-candor': 'recovery-banner' },
    s.recoveryBanner,
  );
  const status = node('p', { class: 'status', role: 'status', 'data-candor': 'recovery-status' });
  const code = node('input', {
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    spellcheck: 'false',
    maxlength: '32',
    'aria-label': s.codeLabel,
    placeholder: s.codeLabel,
    'data-candor': 'code',
  });
  const verify = node('button', { type: 'submit', 'data-candor': 'code-verify' }, s.codeVerify);
  const result = node('p', { class: 'status', role: 'status', 'data-candor': 'code-result' });
  const codeForm = node('form', { class: 'code', 'data-candor': 'code-form' }, code, verify);
  const box = node('div', { hidden: '' }, status, codeForm, result);

  /** Loads and builds the form once; false (said under the offer) when it could not be loaded. */
  function load(): Promise<boolean> {
    return loadPart<CreateRecoveryForm>(`${opts.server}/widget-recovery.js`).then(
      (create) => {
        form = create(node, s.lang, {
          situations: RECOVERY_SITUATIONS,
          start: (account, situation, details) => chat.startRecovery(account, situation, details),
          cancel: () => {
            formOpen = false;
            render();
            offer.focus();
          },
          failed: s.recoveryFailed,
        });
        slot.append(form.form);
        return true;
      },
      () => {
        // Offline or not served: said, and the next press tries again.
        loading = null;
        offerProblem.textContent = s.recoveryFailed;
        return false;
      },
    );
  }

  offer.addEventListener('click', () => {
    offerProblem.textContent = '';
    void (loading ??= load()).then((loaded) => {
      if (!loaded) return;
      formOpen = true;
      render();
      form?.focus();
    });
  });

  codeForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    // Emptied once it has left: nothing of it stays on the page to be read back or restored.
    if (chat.verifyCode(code.value)) code.value = '';
  });

  function render(): boolean {
    const state = chat.state;
    const c = state.timeline.conversation;
    const inRecovery = c?.recovery === true;
    const r = state.recovery;
    // Where a conversation starts: none yet, or the last one is resolved.
    const starting = state.site?.recovery === true && !inRecovery && (!c || c.status === 'resolved');
    if (!starting && formOpen) {
      formOpen = false;
      form?.reset();
      if (inRecovery) opts.started();
    }
    form?.render(r.start);
    offer.hidden = !starting || formOpen;
    offerProblem.hidden = offer.hidden;
    slot.hidden = !formOpen;
    banner.hidden = !inRecovery;
    box.hidden = !inRecovery;
    if (inRecovery) {
      const line = recoveryStatusText(s, r);
      if (status.textContent !== line) status.textContent = line;
      const said = codeResultText(s, r);
      if (result.textContent !== said) result.textContent = said;
      verify.disabled = r.code === 'sending';
    }
    return formOpen;
  }

  return {
    /** Above the transcript, so it stays in view however long the chat gets. */
    banner,
    nodes: [offer, offerProblem, slot, box],
    /** true while the start form stands in for the message box. */
    render,
  };
}
