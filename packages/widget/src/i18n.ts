/**
 * Every visible or spoken string, in English and French. French typography puts a narrow no-break space
 * before ! ? and a no-break space before :, so the text never wraps with the mark alone on a line.
 */
import { LIMITS } from '@candor/protocol';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  title: 'Chat with us',
  open: 'Open chat',
  openUnread: 'Open chat, new message',
  close: 'Close chat',
  messages: 'Messages',
  input: 'Write a message',
  send: 'Send',
  you: 'You:',
  greeting: 'Hello! Ask us anything, we reply right here.',
  sending: 'Sending…',
  notSent: 'Not sent:',
  retry: 'Retry',
  tooLong: `Message too long (${LIMITS.messageBodyMax} characters at most).`,
  refused: 'the server refused it.',
  reconnecting: 'Reconnecting…',
  outdated: 'This chat is out of date. Please reload the page.',
  agentTyping: 'Agent is typing…',
  resolved: 'This conversation was resolved. Write to reopen it.',
  previewOn: 'The support team can see what you type before you send it.',
  previewOff: 'Typing preview is off.',
  previewTurnOff: 'Turn off',
  previewTurnOn: 'Turn on',
  /** Read after the button's visible text, so its accessible name says what it switches. */
  previewWhat: 'typing preview',
};

export type Strings = typeof en;

const fr: Strings = {
  title: 'Discutons',
  open: 'Ouvrir le chat',
  openUnread: 'Ouvrir le chat, nouveau message',
  close: 'Fermer le chat',
  messages: 'Messages',
  input: 'Écrire un message',
  send: 'Envoyer',
  you: 'Vous\u00a0:',
  greeting: 'Bonjour\u202f! Posez-nous vos questions, nous répondons ici.',
  sending: 'Envoi…',
  notSent: 'Non envoyé\u00a0:',
  retry: 'Réessayer',
  tooLong: `Message trop long (${LIMITS.messageBodyMax} caractères au plus).`,
  refused: 'le serveur l’a refusé.',
  reconnecting: 'Reconnexion…',
  outdated: 'Ce chat n’est plus à jour. Veuillez recharger la page.',
  agentTyping: 'Un agent écrit…',
  resolved: 'Cette conversation a été résolue. Écrivez pour la rouvrir.',
  previewOn: 'L’équipe support peut voir ce que vous écrivez avant que vous l’envoyiez.',
  previewOff: 'Aperçu de la saisie désactivé.',
  previewTurnOff: 'Désactiver',
  previewTurnOn: 'Activer',
  previewWhat: 'l’aperçu de la saisie',
};

export const STRINGS: Record<Locale, Strings> = { en, fr };

/**
 * The first candidate whose primary subtag we speak wins, so `fr-CA` gives French and an unsupported
 * `data-locale` or page language falls through to the next source instead of forcing English.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const tag of candidates) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    const found = LOCALES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}
