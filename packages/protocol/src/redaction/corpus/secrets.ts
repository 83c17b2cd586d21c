/**
 * Valid secrets of every class, generated: used by the corpus generator and the property tests.
 * Nothing here is a real secret: numbers are random with valid checksums.
 */
import { ibanLength } from '../iban';
import { luhn } from '../luhn';
import type { Rng } from './prng';
import { weighted } from './prng';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64URL = ALNUM + '_-';
const B64 = ALNUM + '+/';

const BRANDS: Record<string, { prefixes: string[]; lengths: number[]; groups?: number[] }> = {
  visa: { prefixes: ['4'], lengths: [16, 16, 16, 16, 13, 19] },
  mastercard: { prefixes: ['51', '52', '53', '54', '55', '2221', '2300', '2720'], lengths: [16] },
  amex: { prefixes: ['34', '37'], lengths: [15], groups: [4, 6, 5] },
  discover: { prefixes: ['6011', '644', '65'], lengths: [16, 19] },
  jcb: { prefixes: ['3528', '3566', '3589'], lengths: [16] },
  diners: { prefixes: ['36', '300', '305', '38'], lengths: [14], groups: [4, 6, 4] },
  unionpay: { prefixes: ['62'], lengths: [16, 17, 18, 19] },
  maestro: { prefixes: ['5018', '5020', '6304', '6759'], lengths: [13, 16, 19] },
  mir: { prefixes: ['2200', '2204'], lengths: [16] },
};
export const CARD_BRANDS = Object.keys(BRANDS);

/** The digit that makes `body + digit` Luhn-valid. */
export function luhnDigit(body: string): string {
  for (let d = 0; d < 10; d++) if (luhn(body + d)) return String(d);
  throw new Error('unreachable');
}

export function cardDigits(r: Rng, brand = r.pick(CARD_BRANDS)): { digits: string; brand: string } {
  const b = BRANDS[brand]!;
  const prefix = r.pick(b.prefixes);
  const body = prefix + r.digits(r.pick(b.lengths) - prefix.length - 1);
  return { digits: body + luhnDigit(body), brand };
}

function split(digits: string, sizes: number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const n of sizes) if (at < digits.length) out.push(digits.slice(at, (at += n)));
  if (at < digits.length) out.push(digits.slice(at));
  return out;
}

/** A card number as people type or paste it: grouped by 4 (or the brand's way), dashes, dots, none... */
export function formatCard(r: Rng, digits: string, brand = ''): string {
  const standard = BRANDS[brand]?.groups ?? [4, 4, 4, 4, 4];
  const style = weighted(r, [
    [30, 'spaces'],
    [25, 'plain'],
    [13, 'dashes'],
    [5, 'dots'],
    [6, 'mixed'],
    [8, 'odd'],
    [5, 'nbsp'],
    [8, 'halves'],
    [2, 'double'],
    [1, 'spaced-dash'],
  ] as const);
  if (style === 'plain') return digits;
  if (style === 'odd')
    return split(digits, [r.int(4, 6), r.int(3, 6), r.int(3, 6), r.int(3, 6), 6]).join(' ');
  if (style === 'halves') return split(digits, [Math.ceil(digits.length / 2)]).join(r.pick([' ', '-']));
  const groups = split(digits, standard);
  if (style === 'mixed') return groups.reduce((s, g) => s + r.pick([' ', '-', '.', '']) + g);
  return groups.join(
    { spaces: ' ', dashes: '-', dots: '.', nbsp: '\u00a0', double: '  ', 'spaced-dash': ' - ' }[style],
  );
}

/** A Luhn-invalid card-like number: a valid one with its last digit changed. */
export function invalidCardDigits(r: Rng): string {
  const { digits } = cardDigits(r);
  const last = Number(digits.slice(-1));
  return digits.slice(0, -1) + String((last + r.int(1, 9)) % 10);
}

/** Basic bank account number layouts: n digits, a letters, c alphanumerics. */
const BBAN: Record<string, string> = {
  FR: '10n11c2n',
  DE: '18n',
  ES: '20n',
  IT: '1a10n12c',
  BE: '12n',
  NL: '4a10n',
  GB: '4a14n',
  IE: '4a14n',
  PT: '21n',
  LU: '3n13c',
  CH: '5n12c',
  AT: '16n',
  PL: '24n',
  SE: '20n',
  DK: '14n',
  FI: '14n',
  NO: '11n',
  MC: '10n11c2n',
  GR: '7n16c',
  RO: '4a16c',
  HU: '24n',
  CZ: '20n',
  SK: '20n',
  HR: '17n',
  SI: '15n',
  BG: '4a6n8c',
  LT: '16n',
  LV: '4a13c',
  EE: '16n',
  SA: '2n18c',
  AE: '19n',
  TR: '5n1n16c',
  BR: '23n1a1c',
  IL: '19n',
  MT: '4a5n18c',
  CY: '8n16c',
  IS: '22n',
  LI: '5n12c',
  AD: '8n12c',
  SM: '1a10n12c',
  MA: '24n',
  TN: '20n',
  SN: '2a22n',
  CI: '2a22n',
  CM: '23n',
  DZ: '22n',
  MG: '23n',
  QA: '4a21c',
  KW: '4a22c',
  PK: '4a16c',
  GI: '4a15c',
  MU: '4a19n3a',
  UA: '6n19c',
  RS: '18n',
  BA: '16n',
  ME: '18n',
  GE: '2a16n',
};
export const IBAN_COUNTRIES = Object.keys(BBAN);
const COMMON = [
  'FR',
  'FR',
  'FR',
  'BE',
  'CH',
  'LU',
  'MC',
  'DE',
  'ES',
  'IT',
  'GB',
  'NL',
  'IE',
  'PT',
  'MA',
  'SN',
  'CI',
];

function bban(r: Rng, layout: string): string {
  let out = '';
  for (const [, n, t] of layout.matchAll(/(\d+)([nac])/g)) {
    const alphabet =
      t === 'n'
        ? '0123456789'
        : t === 'a'
          ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
          : '0123456789012345678901234567ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    out += r.chars(alphabet, Number(n));
  }
  return out;
}

function checkDigits(country: string, body: string): string {
  let m = 0;
  for (const c of body + country + '00') {
    const v = parseInt(c, 36);
    m = (m * (v > 9 ? 100 : 10) + v) % 97;
  }
  return String(98 - m).padStart(2, '0');
}

/** A compact, valid IBAN of a common or any listed country. */
export function ibanCompact(
  r: Rng,
  country = r.chance(0.5) ? r.pick(COMMON) : r.pick(IBAN_COUNTRIES),
): string {
  const body = bban(r, BBAN[country]!);
  const iban = country + checkDigits(country, body) + body;
  if (ibanLength(country) !== iban.length) throw new Error(`IBAN layout of ${country} has the wrong length`);
  return iban;
}

export function formatIban(r: Rng, compact: string): string {
  const style = weighted(r, [
    [55, 'groups'],
    [27, 'compact'],
    [5, 'lower'],
    [4, 'nbsp'],
    [4, 'after-check'],
    [5, 'lower-compact'],
    [2, 'dashes'],
  ] as const);
  const groups = compact.match(/.{1,4}/g)!;
  if (style === 'compact') return compact;
  if (style === 'lower-compact') return compact.toLowerCase();
  if (style === 'after-check') return `${compact.slice(0, 4)} ${compact.slice(4)}`;
  const spaced = groups.join(style === 'nbsp' ? '\u00a0' : style === 'dashes' ? '-' : ' ');
  return style === 'lower' ? spaced.toLowerCase() : spaced;
}

/** A mod-97-invalid IBAN-like string: a valid one with two digits of the account swapped or changed. */
export function invalidIban(r: Rng): string {
  const iban = ibanCompact(r);
  const i = iban.length - 1;
  const d = iban.charAt(i);
  const changed = /\d/.test(d) ? String((Number(d) + r.int(1, 9)) % 10) : d === 'A' ? 'B' : 'A';
  return iban.slice(0, i) + changed;
}

const b64url = (s: string) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function pem(r: Rng): string {
  const type = r.pick(['EC PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'RSA PRIVATE KEY']);
  const lines = Array.from({ length: r.int(1, 3) }, () => r.chars(B64, 64));
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n${r.chars(B64, r.int(8, 40))}=\n-----END ${type}-----`;
}

function jwt(r: Rng): string {
  const header = { alg: r.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' };
  const payload = r.chance(0.5)
    ? { sub: r.digits(r.int(4, 10)) }
    : { uid: r.int(1, 9999), iat: 1700000000 + r.int(0, 9e7) };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${r.chars(B64URL, 43)}`;
}

/** An opaque token with at least one letter and one digit (bearer tokens, keys without a prefix). */
export function opaqueToken(r: Rng, alphabet = ALNUM, n = r.int(24, 48)): string {
  for (;;) {
    const t = r.chars(alphabet, n);
    if (/\d/.test(t) && /[a-z]/i.test(t)) return t;
  }
}

const KEY_MAKERS = {
  aws: (r: Rng) => r.pick(['AKIA', 'ASIA']) + r.chars(UPPER_DIGITS, 16),
  github: (r: Rng) => r.pick(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']) + r.chars(ALNUM, 36),
  githubPat: (r: Rng) => `github_pat_${r.chars(ALNUM, 22)}_${r.chars(ALNUM, 59)}`,
  slack: (r: Rng) =>
    `${r.pick(['xoxb', 'xoxp', 'xoxa', 'xoxr'])}-${r.digits(12)}-${r.digits(13)}-${r.chars(ALNUM, 24)}`,
  stripe: (r: Rng) =>
    r.pick(['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_']) + r.chars(ALNUM, r.int(24, 40)),
  google: (r: Rng) => 'AIza' + r.chars(B64URL, 35),
  openai: (r: Rng) =>
    r.chance(0.5) ? 'sk-' + r.chars(ALNUM, 48) : 'sk-proj-' + r.chars(B64URL, r.int(40, 64)),
  gitlab: (r: Rng) => 'glpat-' + r.chars(B64URL, 20),
  npm: (r: Rng) => 'npm_' + r.chars(ALNUM, 36),
  sendgrid: (r: Rng) => `SG.${r.chars(B64URL, 22)}.${r.chars(B64URL, 43)}`,
  jwt,
  pem,
};
export type KnownKey = keyof typeof KEY_MAKERS;
/** Every format but PEM blocks, which are long: asked for by name. */
export const KNOWN_KEYS = (Object.keys(KEY_MAKERS) as KnownKey[]).filter((k) => k !== 'pem');

export function knownKey(r: Rng, kind: KnownKey = r.pick(KNOWN_KEYS)): string {
  return KEY_MAKERS[kind](r);
}

/** A one-time code as typed: mostly 6 digits, sometimes 4 to 8, sometimes split in two halves. */
export function otp(r: Rng): string {
  return weighted(r, [
    [55, () => r.digits(6)],
    [15, () => r.digits(4)],
    [8, () => r.digits(8)],
    [6, () => r.digits(5)],
    [3, () => r.digits(7)],
    [9, () => `${r.digits(3)}${r.pick([' ', '-'])}${r.digits(3)}`],
    [4, () => `${r.digits(4)}${r.pick([' ', '-'])}${r.digits(4)}`],
  ])();
}

const WORDS = [
  'soleil',
  'chocolat',
  'marseille',
  'azerty',
  'doudou',
  'loulou',
  'camille',
  'vacances',
  'lapin',
  'chaton',
  'sunshine',
  'dragon',
  'monkey',
  'football',
  'shadow',
  'master',
  'princess',
  'summer',
  'winter',
  'liverpool',
  'tigger',
  'pepper',
  'coffee',
  'hunter',
  'paris',
  'bordeaux',
  'nicolas',
  'charlie',
  'freedom',
  'banana',
  'maison',
  'papillon',
  'bretagne',
  'licorne',
  'cookie',
  'matrix',
  'orange',
  'jupiter',
  'flower',
  'batman',
];
const SYMBOLS = '!@#$%&*?.-_+';
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const leet = (w: string) =>
  w.replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1').replace(/s/g, '$');

/** A password people would type; `plainWords` allows letters-only ones. */
export function password(r: Rng, plainWords = false): string {
  const w = r.pick(WORDS);
  return weighted(r, [
    [25, () => cap(w) + r.digits(r.int(2, 4)) + (r.chance(0.5) ? r.pick([...SYMBOLS]) : '')],
    [15, () => w + r.digits(r.int(1, 4))],
    [12, () => cap(leet(w)) + (r.chance(0.5) ? r.digits(2) : '')],
    [18, () => opaqueToken(r, ALNUM + SYMBOLS, r.int(8, 16))],
    [8, () => [r.pick(WORDS), r.pick(WORDS), r.pick(WORDS), r.pick(WORDS)].join(r.pick(['-', '.', '_']))],
    [6, () => r.digits(r.int(6, 10))],
    [plainWords ? 16 : 0, () => (r.chance(0.3) ? cap(w) : w)],
  ])();
}
