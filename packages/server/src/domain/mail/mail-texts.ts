/** The words of the emails Candor sends visitors, in French and English (same keys, checked by the type). */
export type MailLanguage = 'en' | 'fr';

export interface MailTexts {
  replySubject: string;
  replyIntro: string;
  replyLink: string;
  replyLinkNote: string;
  transcriptSubject: string;
  transcriptIntro: string;
  you: string;
  team: string;
  footer: string;
}

export const MAIL_TEXTS: Record<MailLanguage, MailTexts> = {
  en: {
    replySubject: 'New reply to your conversation',
    replyIntro: 'You have a reply from our team:',
    replyLink: 'Continue the conversation',
    replyLinkNote: 'This link is for you alone and works once, for 7 days. Do not forward this email.',
    transcriptSubject: 'Transcript of your conversation',
    transcriptIntro: 'Here is the transcript of your conversation with our team.',
    you: 'You',
    team: 'Support',
    footer: 'You receive this email because you gave your address in the chat.',
  },
  fr: {
    replySubject: 'Nouvelle réponse à votre conversation',
    replyIntro: 'Notre équipe vous a répondu :',
    replyLink: 'Reprendre la conversation',
    replyLinkNote:
      "Ce lien est pour vous seul et ne sert qu'une fois, pendant 7 jours. Ne transférez pas ce message.",
    transcriptSubject: 'Transcription de votre conversation',
    transcriptIntro: 'Voici la transcription de votre conversation avec notre équipe.',
    you: 'Vous',
    team: 'Support',
    footer: 'Vous recevez ce message car vous avez donné votre adresse dans la discussion.',
  },
};

/** French for a visitor whose widget or browser speaks it (fr, fr-CA…), else English. */
export function mailLanguage(...hints: ReadonlyArray<string | null | undefined>): MailLanguage {
  for (const hint of hints) if (hint) return /^fr(?:-|$)/i.test(hint) ? 'fr' : 'en';
  return 'en';
}
