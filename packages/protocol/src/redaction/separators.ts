/**
 * What may stand between the groups of a number ("4242 4242", "06-12", "482 913"): every Unicode
 * space (\p{Zs}: no-break, narrow no-break, thin, figure spaces... as bank pages and password
 * managers paste them) and every dash (\p{Pd}, and the minus sign U+2212). Written as character class
 * bodies, without the u flag, which whole-text patterns avoid (several times slower with i).
 */
export const SPACES = ' \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';
export const DASHES =
  '\\-\\u058a\\u05be\\u1400\\u1806\\u2010-\\u2015\\u2212\\u2e17\\u2e1a\\u2e3a\\u2e3b\\u2e40\\u2e5d\\u301c\\u3030\\u30a0\\ufe31\\ufe32\\ufe58\\ufe63\\uff0d';

/** One space or dash. */
export const SPACE_OR_DASH = `[${SPACES}${DASHES}]`;

/** Between two digit groups: one or two spaces, a dash with a space either side or none, or a dot. */
export const GROUP_SEPARATOR = `(?:[${SPACES}]{1,2}|[${SPACES}]?[${DASHES}][${SPACES}]?|\\.)`;

/** Whether a UTF-16 code unit is white space (\s), without a regex: the draft's hot path scans with it. */
export function isSpace(c: number): boolean {
  return c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : c === 160 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}
