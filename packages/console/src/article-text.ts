/**
 * The words of the console's Articles view, in English and French (same keys, checked by the type),
 * in the console's language (console-text.ts). Placeholders are `{name}`.
 */
import { consoleLang, type ConsoleLang } from './console-text';

const en = {
  title: 'Help articles',
  hint: 'Written in Markdown. Published articles appear in the public help centre.',
  loading: 'Loading…',
  none: 'No articles yet.',
  colTitle: 'Title',
  colLanguage: 'Language',
  colCategory: 'Category',
  colStatus: 'Status',
  colActions: 'Actions',
  published: 'Published',
  draft: 'Draft',
  edit: 'Edit',
  editArticle: 'Edit article {title}',
  delete: 'Delete',
  deleteArticle: 'Delete article {title}',
  view: 'View',
  viewArticle: 'View {title} in the help centre',
  newArticle: 'New article',
  editing: 'Editing “{title}”',
  fieldTitle: 'Title',
  fieldBody: 'Text (Markdown)',
  fieldLanguage: 'Language',
  fieldCategory: 'Category (optional)',
  fieldPublished: 'Published in the help centre',
  save: 'Save article',
  create: 'Add article',
  cancel: 'Cancel editing',
  preview: 'Preview',
  previewEmpty: 'The preview appears as you type.',
  saved: 'Article saved.',
  tooLong: 'At most {max} characters.',
};

const fr: Record<keyof typeof en, string> = {
  title: 'Articles d’aide',
  hint: 'Rédigés en Markdown. Les articles publiés apparaissent dans le centre d’aide public.',
  loading: 'Chargement…',
  none: 'Aucun article pour le moment.',
  colTitle: 'Titre',
  colLanguage: 'Langue',
  colCategory: 'Catégorie',
  colStatus: 'État',
  colActions: 'Actions',
  published: 'Publié',
  draft: 'Brouillon',
  edit: 'Modifier',
  editArticle: 'Modifier l’article {title}',
  delete: 'Supprimer',
  deleteArticle: 'Supprimer l’article {title}',
  view: 'Voir',
  viewArticle: 'Voir {title} dans le centre d’aide',
  newArticle: 'Nouvel article',
  editing: 'Modification de « {title} »',
  fieldTitle: 'Titre',
  fieldBody: 'Texte (Markdown)',
  fieldLanguage: 'Langue',
  fieldCategory: 'Catégorie (facultative)',
  fieldPublished: 'Publié dans le centre d’aide',
  save: 'Enregistrer l’article',
  create: 'Ajouter l’article',
  cancel: 'Annuler la modification',
  preview: 'Aperçu',
  previewEmpty: 'L’aperçu apparaît pendant la saisie.',
  saved: 'Article enregistré.',
  tooLong: '{max} caractères au plus.',
};

export type ArticleTextKey = keyof typeof en;
export const ARTICLE_CATALOGUES: Record<ConsoleLang, Record<ArticleTextKey, string>> = { en, fr };

export function sayArticle(
  key: ArticleTextKey,
  values: Record<string, string | number> = {},
  lang: ConsoleLang = consoleLang(),
): string {
  return ARTICLE_CATALOGUES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    String(values[name] ?? whole),
  );
}
