/** What the bot says, in the visitor's language. The article's excerpt and link come with an answer. */
import type { BotLocale } from './bot-article';
import type { BotReply, HandoverReason } from './handover';

const TEXTS = {
  en: {
    disclosure: 'You are chatting with an automated assistant. You can ask for a person at any time.',
    answer: 'This article may help:',
    secondTry: 'Sorry about that. Maybe this one:',
    askFeedback: 'Did this answer your question?',
    gladItHelped: 'Glad it helped! You can ask another question or close the conversation.',
    handover: {
      requested: 'Of course, I am passing you to a member of the team. They can see our conversation.',
      frustrated: 'I am sorry. A member of the team will take over from here; they can see our conversation.',
      'low-confidence':
        'I do not have a good answer to that, so I am passing you to a member of the team. They can see our conversation.',
      'missed-twice':
        'I could not find the right answer, so I am passing you to a member of the team. They can see our conversation.',
    },
  },
  fr: {
    disclosure:
      'Vous échangez avec un assistant automatique. Vous pouvez demander à parler à une personne à tout moment.',
    answer: 'Cet article devrait vous aider :',
    secondTry: 'Désolé. Peut-être celui-ci :',
    askFeedback: 'Cela a-t-il répondu à votre question ?',
    gladItHelped: 'Tant mieux ! Vous pouvez poser une autre question ou fermer la conversation.',
    handover: {
      requested: 'Bien sûr, je vous mets en relation avec un membre de l’équipe. Il verra notre échange.',
      frustrated: 'Je suis désolé. Un membre de l’équipe prend le relais ; il verra notre échange.',
      'low-confidence':
        'Je n’ai pas de bonne réponse à cela : je vous mets en relation avec un membre de l’équipe, qui verra notre échange.',
      'missed-twice':
        'Je n’ai pas trouvé la bonne réponse : je vous mets en relation avec un membre de l’équipe, qui verra notre échange.',
    },
  },
} satisfies Record<BotLocale, { handover: Record<HandoverReason, string> } & Record<string, unknown>>;

export const botDisclosure = (locale: BotLocale): string => TEXTS[locale].disclosure;
export const feedbackQuestion = (locale: BotLocale): string => TEXTS[locale].askFeedback;

/** The text of a reply (without the article's excerpt and link, which the message carries). */
export function botText(reply: BotReply, locale: BotLocale): string {
  const t = TEXTS[locale];
  switch (reply.type) {
    case 'answer':
      return reply.secondTry ? t.secondTry : t.answer;
    case 'glad-it-helped':
      return t.gladItHelped;
    case 'handover':
      return t.handover[reply.reason];
    case 'silent':
      return '';
  }
}
