/**
 * How customers say what the articles say otherwise: a word of the question (folded) adds the
 * articles' words to the query. Kept short and tuned on the training part of the question set only.
 */
import { fold } from '../search/search-terms';
import type { BotLocale } from './bot-article';

const SYNONYMS: Record<BotLocale, Record<string, string>> = {
  en: {
    package: 'parcel',
    shipping: 'delivery',
    ship: 'delivery',
    money: 'refund',
    login: 'log',
    signup: 'create account',
    sign: 'create account',
    register: 'create account',
    coupon: 'promo code',
    voucher: 'promo code',
    discount: 'promo code',
    dryer: 'tumble dry',
    wash: 'care',
    sold: 'stock',
    internationally: 'abroad',
    international: 'abroad',
    country: 'abroad',
    canada: 'abroad outside',
    usa: 'abroad outside',
    uk: 'united kingdom',
    broken: 'damaged defective',
    crushed: 'damaged',
    ripped: 'damaged',
    wrong: 'missing',
    mistake: 'modify change',
    arrive: 'delivery',
    receive: 'delivery',
    status: 'where',
    swap: 'exchange',
    send: 'return',
  },
  fr: {
    paquet: 'colis',
    thunes: 'argent remboursement',
    fric: 'argent remboursement',
    sous: 'argent',
    inscription: 'creer compte',
    inscrire: 'creer compte',
    mdp: 'mot passe',
    connecter: 'connexion',
    reduc: 'code promo',
    reduction: 'code promo',
    bon: 'code promo',
    canada: 'etranger hors europe',
    usa: 'etranger hors europe',
    abime: 'endommage',
    casse: 'endommage defectueux',
    dechire: 'endommage',
    ecrase: 'endommage',
    demenage: 'adresse',
    '24h': 'express lendemain',
    arriver: 'livraison',
    laver: 'entretien',
    nouvelles: 'suivi statut',
    statut: 'suivi',
    renvoyer: 'retourner retour',
    rendre: 'retourner retour',
    recois: 'livraison',
    recevoir: 'livraison',
  },
};

/** The articles' words a question's word stands for (none when it has no synonym). */
export function synonymsOf(word: string, locale: BotLocale): string[] {
  return SYNONYMS[locale][fold(word)]?.split(' ') ?? [];
}

/** The question's words, then the words its synonyms add. */
export function expandQuery(words: readonly string[], locale: BotLocale): string[] {
  return [...words, ...words.flatMap((w) => synonymsOf(w, locale))];
}
