/**
 * Every visible or spoken string, in English and French. French typography puts a narrow no-break space
 * before ! ? and a no-break space before :, so the text never wraps with the mark alone on a line.
 */
import { LIMITS } from '@candor/protocol';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const en = {
  /** BCP 47 tag, for times. */
  lang: 'en',
  title: 'Chat with us',
  open: 'Open chat',
  openUnread: 'Open chat, new message',
  close: 'Close chat',
  /** The launcher while the panel is open: named apart from the panel's own close button. */
  hide: 'Hide chat',
  messages: 'Messages',
  input: 'Write a message',
  send: 'Send',
  you: 'You:',
  greeting: 'Hello! Ask us anything, we reply right here.',
  sending: 'Sending…',
  notSent: 'Not sent:',
  retry: 'Try again',
  /** Read after the visible "Try again" / "Delete": the accessible name says what they act on. */
  retryWhat: 'to send this message',
  discard: 'Delete',
  discardWhat: 'this unsent message',
  tooLong: `Message too long (${LIMITS.messageBodyMax} characters at most).`,
  refused: 'the server refused it.',
  notStored: 'the server could not store it.',
  reconnecting: 'Reconnecting…',
  /** {n} is a number of minutes, 2 or more. */
  rateLimited: 'Too many new chats from your network right now. Try again in about {n} minutes.',
  rateLimitedMinute: 'Too many new chats from your network right now. Try again in about a minute.',
  unavailable: 'Chat is not available on this site.',
  outdated: 'This chat is out of date. Please reload the page.',
  agentTyping: 'Agent is typing…',
  resolved: 'This conversation was resolved. Write to reopen it.',
  previewOn: 'The support team can see what you type before you send it.',
  previewOff: 'Typing preview is off.',
  previewTurnOff: 'Turn off',
  previewTurnOn: 'Turn on',
  /** Read after the button's visible text, so its accessible name says what it switches. */
  previewWhat: 'typing preview',
  /** Under the visitor's last message an agent has read. */
  seen: 'Seen',
  signin: 'Please sign in on this site to chat with us.',
  /** The privacy note: exactly what the team sees, and nothing is collected that it does not list. */
  privacy: 'What the support team sees',
  privacyItems: [
    'your messages, and what you type before sending only while the typing preview is on',
    'the name and email you give us, if you do',
    'if you are signed in on this site: the account id, name and email the site shares with us',
    'your browser language and time zone (to know your local time)',
    'the address (without what follows ? or #) and title of the pages of this site you open while the chat is connected',
    'your search in Help and the articles you read there, if you then chat with us',
  ],
  contactPreChat: 'Before we start: how can we reach you?',
  contactAsked: 'The agent asks for your name and email.',
  contactName: 'Your name',
  contactEmail: 'Your email',
  contactShare: 'Share',
  contactSkip: 'Not now',
  contactInvalid: 'Please check your email address.',
  queueFirst: 'You are next in line.',
  /** {n} is the visitor's place in the queue, 2 or more. */
  queuePosition: 'You are number {n} in line.',
  /** {min} and {max} are whole minutes. */
  queueWait: 'Expected wait: about {min} to {max} minutes.',
  handedOver: 'Your conversation is being passed to another member of the team.',
  /** {t} is a time, {d} a day ("Monday"), in the visitor's zone. */
  backAt: 'We’re back at {t}.',
  backOn: 'We’re back on {d} at {t}.',
  rateAsk: 'How did we do?',
  /** Each score's button: {n} of 5. */
  rateScore: 'Rate {n} out of 5',
  rateComment: 'Comment (optional)',
  rateSend: 'Send rating',
  rateThanks: 'Thank you for your rating.',
  rateFailed: 'Your rating could not be sent. Try again.',
  /** On every bot message; no setting removes it. */
  botMark: 'Automated assistant',
  botNotice: 'You are chatting with an automated assistant. You can ask for a person at any time.',
  botYes: 'Yes, this answered my question',
  botNo: 'No, this did not help',
  botPerson: 'Talk to a person',
  leaveAsk: 'Leave us a message',
  transcriptAsk: 'Email me the transcript',
  transcriptSent: 'Transcript sent.',
  transcriptFailed: 'Transcript not sent.',
  tabChat: 'Chat',
  tabHelp: 'Help',
  /** The search box's name; Enter searches. */
  helpSearch: 'Search help articles',
  helpNone: 'No article found.',
  helpFailed: 'Help is not available.',
  helpBack: 'Back to results',
  helpOpen: 'Open in the help centre',
  helpChat: 'Still need help? Chat with us',
  /** Account recovery (issue 14). The offer where a conversation starts (its form's words: recovery-form.ts). */
  recoveryOffer: 'I can’t access my account',
  recoveryFailed: 'Not sent. Please try again.',
  /** The same whatever the server found: the widget cannot know whether the account exists. */
  recoveryStarted: 'Thank you. A member of our team will answer you here.',
  /** Always on screen in a recovery chat. */
  recoveryBanner:
    'Our agents will never ask for your password or a code in the chat. Type a code only in the secure field below.',
  codeLabel: 'Verification code',
  codeVerify: 'Verify code',
  /** {t} is when the code stops working. */
  codeSent: 'If the account has contact details on file, a code is on its way. It works until {t}.',
  /** {t} is when it was verified. */
  codeVerifiedAt: 'Verified at {t}.',
  codeVerified: 'Code accepted: your account is verified.',
  codeWrong: 'This code is not right. Check it and try again.',
  codeExpired: 'This code has expired. Ask for a new one.',
  codeTooMany: 'Too many tries. Ask for a new code.',
  codeFailed: 'The code could not be sent. Please try again.',
  /** Under the message box when a draft in a recovery chat looks like a code. */
  codeInMessage:
    'This looks like a code. Type codes only in the secure field below, never in a message. Press Send again to send it anyway.',
  /** Beside every agent message, drawn from the server's author type: {site} is CANDOR_SITE_NAME. */
  agentMark: 'Verified agent of {site}',
  agentMarkCheck: 'Check a support reference',
};

export type Strings = typeof en;

const fr: Strings = {
  lang: 'fr',
  title: 'Discutons',
  open: 'Ouvrir le chat',
  openUnread: 'Ouvrir le chat, nouveau message',
  close: 'Fermer le chat',
  hide: 'Masquer le chat',
  messages: 'Messages',
  input: 'Écrire un message',
  send: 'Envoyer',
  you: 'Vous\u00a0:',
  greeting: 'Bonjour\u202f! Posez-nous vos questions, nous répondons ici.',
  sending: 'Envoi…',
  notSent: 'Non envoyé\u00a0:',
  retry: 'Réessayer',
  retryWhat: 'd’envoyer ce message',
  discard: 'Supprimer',
  discardWhat: 'ce message non envoyé',
  tooLong: `Message trop long (${LIMITS.messageBodyMax} caractères au plus).`,
  refused: 'le serveur l’a refusé.',
  notStored: 'le serveur n’a pas pu l’enregistrer.',
  reconnecting: 'Reconnexion…',
  rateLimited:
    'Trop de nouvelles discussions depuis votre réseau en ce moment. Réessayez dans environ {n}\u00a0minutes.',
  rateLimitedMinute:
    'Trop de nouvelles discussions depuis votre réseau en ce moment. Réessayez dans environ une minute.',
  unavailable: 'Le chat n’est pas disponible sur ce site.',
  outdated: 'Ce chat n’est plus à jour. Veuillez recharger la page.',
  agentTyping: 'Un agent écrit…',
  resolved: 'Cette conversation a été résolue. Écrivez pour la rouvrir.',
  previewOn: 'L’équipe support peut voir ce que vous écrivez avant que vous l’envoyiez.',
  previewOff: 'Aperçu de la saisie désactivé.',
  previewTurnOff: 'Désactiver',
  previewTurnOn: 'Activer',
  previewWhat: 'l’aperçu de la saisie',
  seen: 'Vu',
  signin: 'Veuillez vous connecter sur ce site pour discuter avec nous.',
  privacy: 'Ce que l’équipe support voit',
  privacyItems: [
    'vos messages, et ce que vous écrivez avant l’envoi seulement quand l’aperçu de la saisie est activé',
    'le nom et l’adresse e-mail que vous nous donnez, si vous le faites',
    'si vous êtes connecté sur ce site\u00a0: l’identifiant de compte, le nom et l’e-mail que le site nous transmet',
    'la langue et le fuseau horaire de votre navigateur (pour connaître votre heure locale)',
    'l’adresse (sans ce qui suit ? ou #) et le titre des pages de ce site que vous ouvrez pendant que le chat est connecté',
    'votre recherche dans l’aide et les articles que vous y avez lus, si vous discutez ensuite avec nous',
  ],
  contactPreChat: 'Avant de commencer\u00a0: comment vous joindre\u202f?',
  contactAsked: 'L’agent vous demande votre nom et votre e-mail.',
  contactName: 'Votre nom',
  contactEmail: 'Votre e-mail',
  contactShare: 'Partager',
  contactSkip: 'Plus tard',
  contactInvalid: 'Veuillez vérifier votre adresse e-mail.',
  queueFirst: 'C’est bientôt votre tour\u00a0: vous êtes en tête de la file d’attente.',
  queuePosition: 'Votre place dans la file d’attente\u00a0: {n}.',
  queueWait: 'Attente estimée\u00a0: environ {min} à {max}\u00a0minutes.',
  handedOver: 'Votre conversation est transmise à un autre membre de l’équipe.',
  backAt: 'Nous revenons à {t}.',
  backOn: 'Nous revenons {d} à {t}.',
  rateAsk: 'Comment avons-nous répondu ?',
  rateScore: 'Noter {n} sur 5',
  rateComment: 'Commentaire (facultatif)',
  rateSend: 'Envoyer la note',
  rateThanks: 'Merci pour votre note.',
  rateFailed: 'Votre note n’a pas pu être envoyée. Réessayez.',
  botMark: 'Assistant automatique',
  botNotice:
    'Vous échangez avec un assistant automatique. Vous pouvez demander à parler à une personne à tout moment.',
  botYes: 'Oui, cela a répondu à ma question',
  botNo: 'Non, cela ne m’a pas aidé',
  botPerson: 'Parler à une personne',
  leaveAsk: 'Laissez-nous un message',
  transcriptAsk: 'M’envoyer la transcription par e-mail',
  transcriptSent: 'Transcription envoyée.',
  transcriptFailed: 'Transcription non envoyée.',
  tabChat: 'Discussion',
  tabHelp: 'Aide',
  helpSearch: 'Rechercher dans l’aide',
  helpNone: 'Aucun article trouvé.',
  helpFailed: 'L’aide n’est pas disponible.',
  helpBack: 'Retour aux résultats',
  helpOpen: 'Ouvrir dans le centre d’aide',
  helpChat: 'Besoin d’aide\u202f? Discutez avec nous',
  recoveryOffer: 'Je n’arrive plus à accéder à mon compte',
  recoveryFailed: 'Non envoyé. Veuillez réessayer.',
  recoveryStarted: 'Merci. Un membre de notre équipe va vous répondre ici.',
  recoveryBanner:
    'Nos agents ne vous demanderont jamais votre mot de passe ni un code dans le chat. Saisissez un code uniquement dans le champ sécurisé ci-dessous.',
  codeLabel: 'Code de vérification',
  codeVerify: 'Vérifier le code',
  codeSent:
    'Si des coordonnées sont enregistrées pour ce compte, un code est en route. Il est valable jusqu’à {t}.',
  codeVerifiedAt: 'Vérifié à {t}.',
  codeVerified: 'Code accepté\u00a0: votre compte est vérifié.',
  codeWrong: 'Ce code n’est pas le bon. Vérifiez-le et réessayez.',
  codeExpired: 'Ce code a expiré. Demandez-en un nouveau.',
  codeTooMany: 'Trop d’essais. Demandez un nouveau code.',
  codeFailed: 'Le code n’a pas pu être envoyé. Veuillez réessayer.',
  codeInMessage:
    'Cela ressemble à un code. Saisissez les codes uniquement dans le champ sécurisé ci-dessous, jamais dans un message. Appuyez de nouveau sur Envoyer pour l’envoyer quand même.',
  agentMark: 'Agent vérifié de {site}',
  agentMarkCheck: 'Vérifier une référence support',
};

export const STRINGS: Record<Locale, Strings> = { en, fr };

/** The rate-limit notice for a wait of `ms`, rounded up to whole minutes. */
export function rateLimitText(s: Strings, ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? s.rateLimitedMinute : s.rateLimited.replace('{n}', String(minutes));
}

/** Where a waiting visitor stands, and the wait when the server has enough data to say one. */
export function queueText(
  s: Strings,
  queue: { position: number; wait: { minMinutes: number; maxMinutes: number } | null },
): string {
  const place = queue.position <= 1 ? s.queueFirst : s.queuePosition.replace('{n}', String(queue.position));
  if (!queue.wait) return place;
  const wait = s.queueWait
    .replace('{min}', String(queue.wait.minMinutes))
    .replace('{max}', String(queue.wait.maxMinutes));
  return `${place} ${wait}`;
}

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
