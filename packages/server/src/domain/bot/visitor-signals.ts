/**
 * What a visitor's message says beyond its question: a request for a person, or frustration. Both hand
 * the conversation over (handover.ts). Matched on the folded text (lower case, no accents, punctuation
 * as spaces), with one typo allowed in the longer words, in French and English.
 */
import { wordsOf } from '../search/search-terms';

/** Words that name a person to talk to. */
const PERSON_WORDS = [
  'human',
  'humain',
  'humaine',
  'agent',
  'agents',
  'operator',
  'operateur',
  'operatrice',
  'conseiller',
  'conseillere',
  'representative',
  'someone',
  'somebody',
  'quelquun',
  'qqn',
  'qq1',
  'person',
  'personne',
  'employee',
  'employe',
  'staff',
  'advisor',
  'adviser',
];
/** Words that, with a person word, make a request of any length ("can I talk to someone about..."). */
const ASKING_WORDS = [
  'talk',
  'speak',
  'chat',
  'contact',
  'transfer',
  'connect',
  'parler',
  'discuter',
  'contacter',
  'joindre',
  'passer',
  'passez',
  'transferer',
  'want',
  'need',
  'veux',
  'voudrais',
  'besoin',
  'real',
  'vrai',
  'vraie',
  'please',
  'pls',
  'svp',
  'stp',
];
/** Short messages ("agent", "human please", "un conseiller svp") are requests by themselves. */
const SHORT_REQUEST_WORDS = 4;

const INSULTS = new Set([
  // French
  'merde',
  'putain',
  'connard',
  'connards',
  'connasse',
  'con',
  'cons',
  'nul',
  'nuls',
  'nulle',
  'nulles',
  'debile',
  'debiles',
  'abruti',
  'abrutis',
  'incompetent',
  'incompetents',
  'arnaque',
  'arnaqueurs',
  'voleurs',
  'bordel',
  'chier',
  'foutage',
  'ridicule',
  'honteux',
  'scandaleux',
  'inadmissible',
  'inacceptable',
  'marre',
  // English
  'fuck',
  'fucking',
  'fucked',
  'shit',
  'shitty',
  'crap',
  'crappy',
  'stupid',
  'idiot',
  'idiots',
  'useless',
  'ridiculous',
  'scam',
  'scammers',
  'thieves',
  'wtf',
  'bullshit',
  'damn',
  'pathetic',
  'incompetent',
  'unacceptable',
  'joke',
  'rubbish',
]);

const STILL_BROKEN = [
  // One-letter words ("à", "a") are gone from the folded text.
  /\b(marche|fonctionne|sert) toujours (pas|rien)\b/,
  /\btoujours pas (marche|fonctionne|bon|resolu|regle)\b/,
  /\b(ca|cela) (ne )?(sert|servira) rien\b/,
  /\bvous (ne )?(comprenez|repondez) (rien|pas)\b/,
  /\btu (ne )?(comprends|reponds) (rien|pas)\b/,
  /\bstill (not|isn t|isnt|doesn t|doesnt|does not|won t|wont|can t|cant|broken)\b/,
  /\b(not|isn t|isnt|doesn t|doesnt|does not) (help|helping|working) (at all|again)\b/,
  /\byou (re |are )?not (helping|listening)\b/,
  /\bdoes ?n ?t help\b|\bnot helpful\b|\bno help\b/,
];

/** The message folded to words separated by single spaces: "Ça NE marche pas !!" -> "ca ne marche pas". */
export function folded(text: string): string {
  return wordsOf(text.replace(/['’]/g, ''))
    .map((w) => w.folded)
    .join(' ');
}

export function asksForPerson(text: string): boolean {
  const words = folded(text).split(' ').filter(Boolean);
  if (!words.some((w) => isOneOf(w, PERSON_WORDS))) return false;
  // "personne" is also "nobody": "personne ne m'a répondu" is not a request (but may be frustration).
  const onlyNobody = words.filter((w) => isOneOf(w, PERSON_WORDS)).every((w) => w === 'personne');
  if (onlyNobody && !/\b(une|la|vraie|autre) personne\b/.test(words.join(' '))) return false;
  return words.length <= SHORT_REQUEST_WORDS || words.some((w) => isOneOf(w, ASKING_WORDS));
}

export function isFrustrated(text: string): boolean {
  if (/[!?]{3,}/.test(text.replace(/\s+/g, ''))) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const upper = text.replace(/[^\p{Lu}]/gu, '');
  if (letters.length >= 8 && upper.length / letters.length >= 0.8 && wordsOf(text).length >= 2) return true;
  const plain = folded(text);
  if (plain.split(' ').some((w) => INSULTS.has(w))) return true;
  return STILL_BROKEN.some((re) => re.test(plain));
}

/** The word is one of `list`, or one typo away from a word of 5 letters or more in it. */
function isOneOf(word: string, list: readonly string[]): boolean {
  return list.some((w) => w === word || (w.length >= 5 && oneEditApart(w, word)));
}

/** At most one insertion, deletion, substitution or swap of neighbours apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1);
  if (a.length === b.length)
    return rest(a, b) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
