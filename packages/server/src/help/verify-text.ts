/**
 * The words of the help centre's /verify page in each language it serves. Arguments arrive escaped for
 * HTML: the site's name is an admin's setting, and an agent's name is typed by an admin.
 */
import type { ArticleLocale } from '../domain/articles/article';

export const VERIFY_TEXT = {
  en: {
    title: 'Check a support reference',
    intro: (site: string) =>
      `Someone says they are from ${site} support, by phone, email or message? Ask them for their support reference and check it here before you give them anything. ${site} support will never ask for your password or for a code sent to you.`,
    label: 'Support reference',
    hint: 'As they gave it, for example CND-7K4Q-92XM.',
    button: 'Check',
    genuineTitle: 'Genuine',
    genuine: (agent: string, site: string, until: string) =>
      `This reference was given by ${agent}, of ${site} support. It is valid until ${until}.`,
    genuineAdvice:
      'Even so, never give anyone your password or a code sent to you: support does not need them.',
    notGenuineTitle: 'Not a current reference',
    notGenuine: (site: string) => `This is not a current reference from ${site}: do not give them anything.`,
    notGenuineAdvice:
      'No password, no code, no personal details. End the conversation and contact support yourself from the official site.',
    tooMany: 'Too many checks',
    tooManyText: 'This address checked many references in a short while. Please wait a minute and try again.',
  },
  fr: {
    title: 'Vérifier une référence du support',
    intro: (site: string) =>
      `Quelqu’un se présente comme le support de ${site}, par téléphone, e-mail ou message ? Demandez-lui sa référence de support et vérifiez-la ici avant de lui donner quoi que ce soit. Le support de ${site} ne vous demandera jamais votre mot de passe ni un code que vous avez reçu.`,
    label: 'Référence de support',
    hint: 'Telle qu’on vous l’a donnée, par exemple CND-7K4Q-92XM.',
    button: 'Vérifier',
    genuineTitle: 'Authentique',
    genuine: (agent: string, site: string, until: string) =>
      `Cette référence a été donnée par ${agent}, du support de ${site}. Elle est valable jusqu’au ${until}.`,
    genuineAdvice:
      'Même ainsi, ne donnez jamais votre mot de passe ni un code reçu : le support n’en a pas besoin.',
    notGenuineTitle: 'Pas une référence valide',
    notGenuine: (site: string) => `Ce n’est pas une référence valide de ${site} : ne leur donnez rien.`,
    notGenuineAdvice:
      'Ni mot de passe, ni code, ni information personnelle. Mettez fin à l’échange et contactez vous-même le support depuis le site officiel.',
    tooMany: 'Trop de vérifications',
    tooManyText:
      'Cette adresse a vérifié beaucoup de références en peu de temps. Attendez une minute et réessayez.',
  },
} as const satisfies Record<ArticleLocale, unknown>;

/** The page in each language: English at /help/verify, French at /help/fr/verify. */
export function verifyPath(locale: ArticleLocale): string {
  return locale === 'en' ? '/help/verify' : '/help/fr/verify';
}

/** "3 December 2026 at 14:02 UTC": the server does not know the reader's time zone, so it says which. */
export function formatUntil(locale: ArticleLocale, at: number): string {
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${format.format(new Date(at))} UTC`;
}
