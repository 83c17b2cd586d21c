/**
 * The "I can't access my account" form: the account (email or username), what happened, optional
 * details. Not in widget.js: built into widget-recovery.js, loaded on the first press of the offer
 * (lazy.ts), since most visitors never need it. It brings its own words; the main bundle passes the
 * rest. Its interface with widget.js is this file's one export, kept small and stable because the two
 * files are cached separately.
 */
import type { RecoverySituation } from '@candor/protocol';
import type { Locale } from './i18n';

export const FORM_TEXT = {
  en: {
    heading: 'Get back into your account',
    account: 'Your account’s email or username',
    what: 'What happened?',
    /** In the order of RECOVERY_SITUATIONS (the hooks' `situations`). */
    situations: [
      'I am locked out',
      'My account was hacked',
      'I lost my second factor (phone, key)',
      'Something else',
    ],
    details: 'Details (optional, never a password or a code)',
    send: 'Ask for help',
    cancel: 'Cancel',
  },
  fr: {
    heading: 'Retrouver l’accès à votre compte',
    account: 'L’e-mail ou le nom d’utilisateur de votre compte',
    what: 'Que s’est-il passé\u202f?',
    situations: [
      'Mon compte est bloqué',
      'Mon compte a été piraté',
      'J’ai perdu mon second facteur (téléphone, clé)',
      'Autre chose',
    ],
    details: 'Précisions (facultatif, jamais de mot de passe ni de code)',
    send: 'Demander de l’aide',
    cancel: 'Annuler',
  },
} satisfies Record<Locale, unknown>;

type Node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (globalThis.Node | string)[]
) => HTMLElementTagNameMap[K];

export interface RecoveryFormHooks {
  /**
   * RECOVERY_SITUATIONS, from widget.js: importing the protocol's entry here would bring its
   * redaction rules (module-level code the bundler keeps) into this small file.
   */
  situations: readonly RecoverySituation[];
  /** false when not sent (account missing or too long, link down): the form says `failed`. */
  start(account: string, situation: RecoverySituation, details: string): boolean;
  cancel(): void;
  /** "Not sent. Please try again." in the visitor's language (from widget.js's strings). */
  failed: string;
}

/** `lang`: the widget's language (Strings.lang); French or else English. */
export function createRecoveryForm(node: Node, lang: string, hooks: RecoveryFormHooks) {
  const t = lang === 'fr' ? FORM_TEXT.fr : FORM_TEXT.en;
  const account = node('input', {
    type: 'text',
    autocomplete: 'username',
    maxlength: '254',
    required: '',
    'data-candor': 'recovery-account',
  });
  const situations = hooks.situations.map((value, i) =>
    node(
      'label',
      {},
      node('input', { type: 'radio', name: 'situation', value, required: '' }),
      t.situations[i] ?? value,
    ),
  );
  const details = node('textarea', { rows: '2', maxlength: '2000', 'data-candor': 'recovery-details' });
  const problem = node('p', { class: 'problem', role: 'alert', 'data-candor': 'recovery-problem' });
  const send = node('button', { type: 'submit', 'data-candor': 'recovery-send' }, t.send);
  const cancel = node('button', { type: 'button', 'data-candor': 'recovery-cancel' }, t.cancel);
  const form = node(
    'form',
    { class: 'contact', 'data-candor': 'recovery-form', 'aria-labelledby': 'recovery-heading' },
    node('p', { id: 'recovery-heading' }, t.heading),
    node('label', {}, t.account, account),
    node('fieldset', {}, node('legend', {}, t.what), ...situations),
    node('label', {}, t.details, details),
    problem,
    node('div', {}, send, cancel),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name=situation]:checked');
    const situation = hooks.situations.find((v) => v === picked?.value);
    problem.textContent =
      situation && hooks.start(account.value, situation, details.value) ? '' : hooks.failed;
  });
  cancel.addEventListener('click', () => {
    problem.textContent = '';
    hooks.cancel();
  });

  return {
    form,
    focus: () => account.focus(),
    /** `phase`: the start's progress from the chat state (sending, failed, or null). */
    render(phase: 'sending' | 'failed' | null): void {
      send.disabled = phase === 'sending';
      if (phase === 'failed') problem.textContent = hooks.failed;
    },
    /** Emptied once answered, so a later visitor on a shared computer does not find it filled in. */
    reset(): void {
      form.reset();
      problem.textContent = '';
    },
  };
}

export type CreateRecoveryForm = typeof createRecoveryForm;
