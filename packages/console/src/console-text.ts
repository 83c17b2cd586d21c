/**
 * The console's words for the team inbox's controls, in English and French: one catalogue per language
 * with the same keys (checked by the type), chosen from the browser's language. Placeholders are
 * `{name}`, filled by `say`.
 */
export type ConsoleLang = 'en' | 'fr';

const en = {
  teamFilter: 'Team',
  allTeams: 'All teams',
  tagFilter: 'Tag',
  allTags: 'All tags',
  anyTeam: 'Any team',
  anyTag: 'Any tag',
  noneWithFilters: 'No conversation here matches these filters.',
  verificationAnonymous: 'Anonymous',
  verificationSelfDeclared: 'Self-declared',
  verificationSigned: 'Signed by site',
  verificationLabel: 'Identity: {level}',
  requiredSkills: 'Required skills',
  skillsButton: 'Skills',
  requiredSkillsHint: 'Comma-separated; skill match routes it to an agent with all of them.',
  saveSkills: 'Save required skills',
  skillsSaved: 'Required skills saved.',
  statusOnline: 'Online',
  statusAway: 'Away',
  statusOffline: 'Offline',
  colleagues: 'Colleagues',
  colleagueStatus: '{name}: {status}',
  transferredToTeam: 'Transferred to your team',
  queue: 'Queue',
  queueOf: 'Queue: {inbox}',
  takeWaitingOne: 'Take waiting conversation {position}',
  takeWaiting: 'Take waiting conversation {position} of {inbox}',
  anyLanguage: 'Any language',
  botTitle: 'Bot',
  botHint:
    'The bot answers a new conversation first from the published help articles in the visitor’s language, and hands it to a person when asked, when unsure, or after two misses. Visitors are always told they are talking to an automated assistant.',
  botToggle: 'Answer new conversations with the bot',
  botToggleIn: 'Answer new conversations with the bot in {inbox}',
  botSaved: 'Saved.',
  botNotSaved: 'Not saved: {reason}',
  botMark: 'Automated assistant',
  botOffered: 'Articles offered',
  botConfidence: 'confidence {percent} %',
  botHandedOver: 'handed over',
  outbox: 'Outbox',
  outboxHint:
    'No SMTP server is configured (CANDOR_SMTP_URL, CANDOR_MAIL_FROM): emails to visitors are kept here instead of being sent.',
  outboxSmtp: 'Emails go out through your SMTP server; nothing new is kept here.',
  outboxEmpty: 'No email yet.',
  outboxLoading: 'Loading the outbox…',
  outboxRefresh: 'Refresh the outbox',
  outboxTo: 'To {to}',
};

const fr: Record<keyof typeof en, string> = {
  teamFilter: 'Équipe',
  allTeams: 'Toutes les équipes',
  tagFilter: 'Étiquette',
  allTags: 'Toutes les étiquettes',
  anyTeam: 'Toute équipe',
  anyTag: 'Toute étiquette',
  noneWithFilters: 'Aucune conversation ici ne correspond à ces filtres.',
  verificationAnonymous: 'Anonyme',
  verificationSelfDeclared: 'Déclaré',
  verificationSigned: 'Signé par le site',
  verificationLabel: 'Identité : {level}',
  requiredSkills: 'Compétences requises',
  skillsButton: 'Compétences',
  requiredSkillsHint:
    'Séparées par des virgules ; le routage par compétences la donne à un agent qui les a toutes.',
  saveSkills: 'Enregistrer les compétences requises',
  skillsSaved: 'Compétences requises enregistrées.',
  statusOnline: 'En ligne',
  statusAway: 'Absent',
  statusOffline: 'Hors ligne',
  colleagues: 'Collègues',
  colleagueStatus: '{name} : {status}',
  transferredToTeam: 'Transférée à votre équipe',
  queue: 'File d’attente',
  queueOf: 'File d’attente : {inbox}',
  takeWaitingOne: 'Prendre la conversation en attente {position}',
  takeWaiting: 'Prendre la conversation en attente {position} de {inbox}',
  anyLanguage: 'Toute langue',
  botTitle: 'Bot',
  botHint:
    'Le bot répond en premier aux nouvelles conversations à partir des articles d’aide publiés dans la langue du visiteur, et passe la main à une personne sur demande, en cas de doute ou après deux échecs. Les visiteurs savent toujours qu’ils parlent à un assistant automatique.',
  botToggle: 'Répondre aux nouvelles conversations avec le bot',
  botToggleIn: 'Répondre aux nouvelles conversations avec le bot dans {inbox}',
  botSaved: 'Enregistré.',
  botNotSaved: 'Non enregistré : {reason}',
  botMark: 'Assistant automatique',
  botOffered: 'Articles proposés',
  botConfidence: 'confiance {percent} %',
  botHandedOver: 'main passée',
  outbox: 'Boîte d’envoi',
  outboxHint:
    'Aucun serveur SMTP n’est configuré (CANDOR_SMTP_URL, CANDOR_MAIL_FROM)\u00a0: les e-mails aux visiteurs sont gardés ici au lieu d’être envoyés.',
  outboxSmtp: 'Les e-mails partent par votre serveur SMTP\u00a0; rien de nouveau n’est gardé ici.',
  outboxEmpty: 'Aucun e-mail pour l’instant.',
  outboxLoading: 'Chargement de la boîte d’envoi…',
  outboxRefresh: 'Actualiser la boîte d’envoi',
  outboxTo: 'À {to}',
};

export type TextKey = keyof typeof en;
export const CATALOGUES: Record<ConsoleLang, Record<TextKey, string>> = { en, fr };

/** French when the browser prefers it, English otherwise (and outside a browser). */
export function consoleLang(languages: readonly string[] = browserLanguages()): ConsoleLang {
  for (const tag of languages) {
    const base = tag.slice(0, 2).toLowerCase();
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

function browserLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

let current: ConsoleLang | undefined;

/** The text of `key` in the console's language (or `lang`), placeholders filled. */
export function say(key: TextKey, values: Record<string, string | number> = {}, lang?: ConsoleLang): string {
  return fillText(CATALOGUES[lang ?? (current ??= consoleLang())][key], values);
}

/** `{name}` placeholders of `text` filled from `values`; an unknown one is left as is, to be seen. */
export function fillText(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
