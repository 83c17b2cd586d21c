/**
 * The words of the business hours editor, in English and French (same keys, checked by the type), in
 * the console's language (console-text.ts). Placeholders are `{name}`.
 */
import { consoleLang, type ConsoleLang } from './console-text';

const en = {
  title: 'Opening hours',
  hint: 'When the team answers, in the inbox’s time zone. Outside these hours the widget tells visitors when you are back.',
  inboxHours: 'Opening hours of {inbox}',
  loading: 'Loading opening hours…',
  alwaysOpen: 'No opening hours: always open.',
  setHours: 'Set opening hours for {inbox}',
  removeHours: 'Remove opening hours of {inbox} (always open)',
  timeZone: 'Time zone',
  otherZones: 'Other',
  closed: 'Closed',
  opensAt: 'Opens at',
  closesAt: 'Closes at',
  rangeOpens: '{day}, time range {n}: opens at',
  rangeCloses: '{day}, time range {n}: closes at',
  addRange: 'Add a time range for {day}',
  removeRange: 'Remove time range {n} for {day}',
  holidays: 'Holidays (closed all day)',
  noHolidays: 'No holidays.',
  holidayDate: 'Holiday {n}: date',
  holidayLabel: 'Holiday {n}: label (optional)',
  addHoliday: 'Add a holiday',
  removeHoliday: 'Remove holiday {date}',
  removeHolidayUndated: 'Remove holiday {n}',
  save: 'Save opening hours',
  cancel: 'Cancel changes',
  saving: 'Saving…',
  saved: 'Opening hours saved.',
  notSaved: 'Not saved: {reason}',
  openNow: 'Open now',
  closedOpens: 'Closed, opens {when}',
  closedForGood: 'Closed, no opening ahead',
  // Form checks, before anything is sent (the server checks the same again).
  zoneMissing: 'Choose a time zone.',
  timeMissing: 'Give every range an opening and a closing time.',
  closesBeforeOpens: 'A range closes before it opens.',
  rangesOverlap: 'Two ranges overlap.',
  dateMissing: 'Give the holiday a date.',
  dateTwice: 'This date is already a holiday.',
  labelTooLong: 'A label is at most {max} characters.',
  tooManyRanges: 'At most {max} time ranges in a week.',
  tooManyHolidays: 'At most {max} holidays.',
};

const fr: Record<keyof typeof en, string> = {
  title: 'Horaires d’ouverture',
  hint: 'Quand l’équipe répond, dans le fuseau horaire de la boîte. En dehors, le widget dit aux visiteurs quand vous revenez.',
  inboxHours: 'Horaires d’ouverture de {inbox}',
  loading: 'Chargement des horaires…',
  alwaysOpen: 'Pas d’horaires : toujours ouvert.',
  setHours: 'Définir les horaires de {inbox}',
  removeHours: 'Supprimer les horaires de {inbox} (toujours ouvert)',
  timeZone: 'Fuseau horaire',
  otherZones: 'Autres',
  closed: 'Fermé',
  opensAt: 'Ouvre à',
  closesAt: 'Ferme à',
  rangeOpens: '{day}, plage {n} : ouvre à',
  rangeCloses: '{day}, plage {n} : ferme à',
  addRange: 'Ajouter une plage horaire le {day}',
  removeRange: 'Supprimer la plage {n} du {day}',
  holidays: 'Jours fériés (fermé toute la journée)',
  noHolidays: 'Aucun jour férié.',
  holidayDate: 'Jour férié {n} : date',
  holidayLabel: 'Jour férié {n} : nom (facultatif)',
  addHoliday: 'Ajouter un jour férié',
  removeHoliday: 'Supprimer le jour férié du {date}',
  removeHolidayUndated: 'Supprimer le jour férié {n}',
  save: 'Enregistrer les horaires',
  cancel: 'Annuler les modifications',
  saving: 'Enregistrement…',
  saved: 'Horaires enregistrés.',
  notSaved: 'Non enregistré : {reason}',
  openNow: 'Ouvert',
  closedOpens: 'Fermé, ouvre {when}',
  closedForGood: 'Fermé, aucune ouverture prévue',
  zoneMissing: 'Choisissez un fuseau horaire.',
  timeMissing: 'Donnez à chaque plage une heure d’ouverture et de fermeture.',
  closesBeforeOpens: 'Une plage ferme avant d’ouvrir.',
  rangesOverlap: 'Deux plages se chevauchent.',
  dateMissing: 'Donnez une date au jour férié.',
  dateTwice: 'Cette date est déjà un jour férié.',
  labelTooLong: 'Un nom fait au plus {max} caractères.',
  tooManyRanges: 'Au plus {max} plages horaires par semaine.',
  tooManyHolidays: 'Au plus {max} jours fériés.',
};

export type HoursTextKey = keyof typeof en;
export const HOURS_CATALOGUES: Record<ConsoleLang, Record<HoursTextKey, string>> = { en, fr };

/** The text of `key` in the console's language (or `lang`), placeholders filled. */
export function sayHours(
  key: HoursTextKey,
  values: Record<string, string | number> = {},
  lang: ConsoleLang = consoleLang(),
): string {
  return HOURS_CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(values[name] ?? whole),
  );
}
