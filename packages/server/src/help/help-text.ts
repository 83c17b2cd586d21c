/** The help centre's words in each language it serves. */
import type { ArticleLocale } from '../domain/articles/article';

export const HELP_TEXT = {
  en: {
    centre: 'Help centre',
    skip: 'Skip to content',
    searchLabel: 'Search the help centre',
    searchButton: 'Search',
    otherLanguage: 'Français',
    languageNav: 'Language',
    uncategorised: 'Other questions',
    noArticles: 'No articles yet.',
    resultsFor: (q: string) => `Results for “${q}”`,
    noResults: 'No article matches your search. Try other words.',
    allArticles: 'All articles',
    notFound: 'Page not found',
    notFoundText: 'This article does not exist or is no longer published.',
    breadcrumb: 'Breadcrumb',
    tooMany: 'Too many searches',
    tooManyText: 'You searched many times in a short while. Please wait a minute and try again.',
  },
  fr: {
    centre: 'Centre d’aide',
    skip: 'Aller au contenu',
    searchLabel: 'Rechercher dans le centre d’aide',
    searchButton: 'Rechercher',
    otherLanguage: 'English',
    languageNav: 'Langue',
    uncategorised: 'Autres questions',
    noArticles: 'Aucun article pour le moment.',
    resultsFor: (q: string) => `Résultats pour « ${q} »`,
    noResults: 'Aucun article ne correspond à votre recherche. Essayez d’autres mots.',
    allArticles: 'Tous les articles',
    notFound: 'Page introuvable',
    notFoundText: 'Cet article n’existe pas ou n’est plus publié.',
    breadcrumb: 'Fil d’Ariane',
    tooMany: 'Trop de recherches',
    tooManyText: 'Vous avez fait beaucoup de recherches en peu de temps. Attendez une minute et réessayez.',
  },
} as const satisfies Record<ArticleLocale, unknown>;

/** Where each language's help centre starts: English at /help, French at /help/fr. */
export function helpHome(locale: ArticleLocale): string {
  return locale === 'en' ? '/help' : '/help/fr';
}
