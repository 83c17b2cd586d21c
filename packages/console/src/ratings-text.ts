/**
 * The words of the ratings report, in English and French (same keys, checked by the type), in the
 * console's language (console-text.ts). Placeholders are `{name}`.
 */
import { consoleLang, type ConsoleLang } from './console-text';

const en = {
  nav: 'Ratings',
  title: 'Customer ratings',
  hint: 'What visitors said when their conversation was resolved, 1 (poor) to 5 (excellent).',
  adminsOnly: 'Only admins can see the ratings report.',
  filters: 'Filters',
  from: 'From',
  to: 'To (included)',
  inbox: 'Inbox',
  allInboxes: 'All inboxes',
  agent: 'Agent',
  allAgents: 'All agents',
  show: 'Show ratings',
  loading: 'Loading ratings…',
  fromAfterTo: 'The start date is after the end date.',
  summary: 'Summary',
  average: 'Average',
  count: 'Ratings',
  averageOf: '{average} / 5',
  noAverage: 'No rating yet',
  ratingsCount: '{count} ratings',
  oneRating: '1 rating',
  distribution: 'Distribution',
  score: 'Score',
  scoreLabel: '{score} out of 5',
  share: 'Share',
  byAgent: 'By agent',
  byInbox: 'By inbox',
  unassigned: 'Unassigned',
  recent: 'Recent ratings',
  none: 'No rating in this period.',
  date: 'Date',
  comment: 'Comment',
  conversation: 'Conversation',
  noComment: 'No comment',
  open: 'Open',
  openConversation: 'Open the conversation rated {score}/5 on {date}',
  more: 'Show older ratings',
};

const fr: Record<keyof typeof en, string> = {
  nav: 'Évaluations',
  title: 'Évaluations des clients',
  hint: 'Ce que les visiteurs ont dit à la résolution de leur conversation, de 1 (mauvais) à 5 (excellent).',
  adminsOnly: 'Seuls les administrateurs voient le rapport des évaluations.',
  filters: 'Filtres',
  from: 'Du',
  to: 'Au (inclus)',
  inbox: 'Boîte de réception',
  allInboxes: 'Toutes les boîtes',
  agent: 'Agent',
  allAgents: 'Tous les agents',
  show: 'Afficher les évaluations',
  loading: 'Chargement des évaluations…',
  fromAfterTo: 'La date de début est après la date de fin.',
  summary: 'Synthèse',
  average: 'Moyenne',
  count: 'Évaluations',
  averageOf: '{average} / 5',
  noAverage: 'Aucune évaluation',
  ratingsCount: '{count} évaluations',
  oneRating: '1 évaluation',
  distribution: 'Répartition',
  score: 'Note',
  scoreLabel: '{score} sur 5',
  share: 'Part',
  byAgent: 'Par agent',
  byInbox: 'Par boîte de réception',
  unassigned: 'Non assignée',
  recent: 'Évaluations récentes',
  none: 'Aucune évaluation sur cette période.',
  date: 'Date',
  comment: 'Commentaire',
  conversation: 'Conversation',
  noComment: 'Sans commentaire',
  open: 'Ouvrir',
  openConversation: 'Ouvrir la conversation notée {score}/5 le {date}',
  more: 'Afficher des évaluations plus anciennes',
};

export type RatingsTextKey = keyof typeof en;
export const RATINGS_CATALOGUES: Record<ConsoleLang, Record<RatingsTextKey, string>> = { en, fr };

/** The text of `key` in the console's language (or `lang`), placeholders filled. */
export function sayRatings(
  key: RatingsTextKey,
  values: Record<string, string | number> = {},
  lang: ConsoleLang = consoleLang(),
): string {
  return RATINGS_CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(values[name] ?? whole),
  );
}
