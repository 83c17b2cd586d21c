/**
 * The notice sent to an account's current contact when a recovery action is about to change the account
 * (a contact change above all: the thief's last step), with the link that stops it during the cooling-off
 * period. Written in English and French both: the person who asked in the chat may not be the owner,
 * so the chat's language says nothing about the reader's.
 */
import type { RecoveryAction } from './action-gate';

const WHAT: Record<RecoveryAction, { en: string; fr: string }> = {
  unlock: { en: 'unlock your account', fr: 'débloquer votre compte' },
  reset_second_factor: {
    en: 'reset the second factor of your account',
    fr: 'réinitialiser la double authentification de votre compte',
  },
  change_contact: {
    en: 'change the contact details of your account',
    fr: 'changer les coordonnées de votre compte',
  },
};

export interface StopNotice {
  subject: string;
  /** Paragraphs, English then French; the link follows them. */
  paragraphs: string[];
  linkText: string;
}

export function stopNotice(
  action: RecoveryAction,
  until: number,
  formatTime: (at: number, lang: 'en' | 'fr') => string,
): StopNotice {
  const what = WHAT[action];
  return {
    subject: 'A change to your account was requested / Une modification de votre compte a été demandée',
    paragraphs: [
      `Someone asked our support team to ${what.en}. It was approved, and will be done after ${formatTime(until, 'en')} unless you stop it.`,
      'If this was you, there is nothing to do. If it was not you, stop it now with the link below: nothing will change, and our team will look into it. Support will never ask you for a password or a code.',
      `Quelqu'un a demandé à notre équipe de support de ${what.fr}. La demande a été approuvée et sera exécutée après le ${formatTime(until, 'fr')}, sauf si vous l'arrêtez.`,
      "Si c'est vous, vous n'avez rien à faire. Sinon, arrêtez-la maintenant avec le lien ci-dessous : rien ne changera et notre équipe examinera la demande. Le support ne vous demandera jamais de mot de passe ni de code.",
    ],
    linkText: 'Stop this change / Arrêter ce changement',
  };
}

/**
 * The same notice as a text message, for a phone on file (current or replaced lately): when the contact
 * being changed is the phone, the old phone is the one that must hear of it. Short, both languages.
 */
export function stopText(
  action: RecoveryAction,
  until: number,
  url: string,
  formatTime: (at: number, lang: 'en' | 'fr') => string,
): string {
  const what = WHAT[action];
  return [
    `Someone asked our support to ${what.en}: done after ${formatTime(until, 'en')} unless you stop it: ${url}`,
    `Quelqu'un a demandé au support de ${what.fr} : fait après le ${formatTime(until, 'fr')} sauf si vous l'arrêtez : ${url}`,
    'Support never asks for a code. / Le support ne demande jamais de code.',
  ].join('\n');
}

/** A time as the reader's language writes it, in UTC (the server cannot know the reader's zone). */
export function noticeTime(at: number, lang: 'en' | 'fr'): string {
  return `${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at)} UTC`;
}
