/**
 * What a recovery code's email and text message say, in French and English: what the code is for,
 * where to type it (the secure field of the chat, never the message box), that support will never ask
 * for it, and when it stops working. Pure; the command sends them.
 */
import { escapeHtml, page } from '../mail/mail-html';
import type { MailContent } from '../mail/visitor-mail';
import type { MailLanguage } from '../mail/mail-texts';
import type { RecoveryPurpose } from './recovery-code';

const PURPOSES: Record<MailLanguage, Record<RecoveryPurpose, string>> = {
  en: {
    unlock: 'unlock your account',
    reset_second_factor: 'reset your account’s second sign-in step',
    change_contact: 'change your account’s contact details',
  },
  fr: {
    unlock: 'débloquer votre compte',
    reset_second_factor: 'réinitialiser la seconde étape de connexion de votre compte',
    change_contact: 'changer les coordonnées de votre compte',
  },
};

const TEXTS: Record<MailLanguage, (p: string, minutes: number) => { subject: string; lines: string[] }> = {
  en: (purpose, minutes) => ({
    subject: 'Your account recovery code',
    lines: [
      `Your code to ${purpose}:`,
      '',
      'Type it only in the secure code field of the support chat, not in the message box.',
      'Our support team will never ask you for this code: do not read it out or send it to anyone.',
      `It works once, for ${minutes} minutes.`,
      '',
      'If you did not ask for help with your account, ignore this message: nothing changes.',
    ],
  }),
  fr: (purpose, minutes) => ({
    subject: 'Votre code de récupération de compte',
    lines: [
      `Votre code pour ${purpose} :`,
      '',
      'Saisissez-le uniquement dans le champ sécurisé du code, dans la discussion avec le support, pas dans la zone de message.',
      'Notre support ne vous demandera jamais ce code : ne le lisez à personne et ne l’envoyez à personne.',
      `Il ne sert qu’une fois, pendant ${minutes} minutes.`,
      '',
      'Si vous n’avez pas demandé d’aide pour votre compte, ignorez ce message : rien ne change.',
    ],
  }),
};

export interface CodeNotice {
  language: MailLanguage;
  code: string;
  purpose: RecoveryPurpose;
  ttlMs: number;
}

export function codeMail(n: CodeNotice): MailContent {
  const { subject, lines } = TEXTS[n.language](PURPOSES[n.language][n.purpose], minutes(n.ttlMs));
  const [intro, , ...rest] = lines;
  const text = [intro ?? '', '', n.code, '', ...rest].join('\n');
  const html = page(
    n.language,
    subject,
    `<p>${escapeHtml(intro ?? '')}</p>` +
      `<p style="font-size:28px;letter-spacing:4px;font-weight:bold">${escapeHtml(n.code)}</p>` +
      rest
        .filter((l) => l !== '')
        .map((l) => `<p>${escapeHtml(l)}</p>`)
        .join(''),
  );
  return { subject, text, html };
}

/** The text message: short (two SMS segments at most), the same warnings. */
export function codeText(n: CodeNotice): string {
  const m = minutes(n.ttlMs);
  return n.language === 'fr'
    ? `Code ${n.code} pour ${PURPOSES.fr[n.purpose]}. À saisir seulement dans le champ sécurisé du chat. Le support ne vous le demandera jamais. Valable ${m} min.`
    : `Code ${n.code} to ${PURPOSES.en[n.purpose]}. Type it only in the chat's secure code field. Support will never ask you for it. Valid ${m} min.`;
}

const minutes = (ms: number) => Math.round(ms / 60_000);
