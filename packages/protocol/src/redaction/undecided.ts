/**
 * What in a draft may still become a secret as the visitor types on, and so may not show beyond 4
 * characters until it is decided: redact() judges what is there, this judges what could come.
 * - The end of the draft: a number that may grow into a card, an IBAN, a key of a known format or
 *   after a key cue, the word after a code or password cue.
 * - Near the end: a number that a cue typed next could name a code ("482913 is my co…"), a
 *   password-like token that could be named a password ("Soleil2024 c'est mon mot de…").
 * Ordinary words are never held: "where is my parcel" shows as it is typed.
 */
import { keyBeingTyped } from './api-keys';
import { wholeCard } from './cards';
import { shaped, standalone } from './codes-in-context';
import { digitRuns, type DigitRun } from './digit-runs';
import { ibanBeingTyped } from './iban';
import { redact, type CompiledRules } from './index';
import { passwordBeingTyped, passwordsMayBeNamed } from './passwords-in-context';
import { placeholder } from './placeholders';
import { GROUP_SEPARATOR } from './separators';
import type { Span } from './spans';

const NUMBER = { kind: 'card', label: 'number', placeholder: '[number hidden]' } as const;
const IBAN = { kind: 'iban', label: 'IBAN', placeholder: '[IBAN hidden]' } as const;
const CODE = { kind: 'code', label: 'code', placeholder: placeholder.code } as const;
const PASSWORD = { kind: 'password', label: 'password', placeholder: placeholder.password } as const;

/** A code or password cue, then the word being typed (group 1). */
const CUE_THEN_WORD =
  /(?:code|otp|pin|cvv|cvc|cryptogramme|password|passwd|pwd|pass|mot de passe|mdp)\s*(?:is|est|c['’]est|:|=)?\s*(\S+)$/i;
const JOINERS = new Set(['is', 'est', ':', '=', "c'est", 'c’est']);
/** After the last digit, what may still be followed by more digits of the same run. */
const OPEN_RUN = new RegExp(`^${GROUP_SEPARATOR}?$`);
/** How far back from the end a draft is searched for what is being typed (a hostile draft is long). */
const WINDOW = 200;
/** How far after a number a cue may still make it a code: 30 characters, the cue, and what may cancel it. */
const CODE_REACH = 64;

/** The word typed right after a code or password cue, at the very end. */
function afterCue(text: string): number | undefined {
  const word = CUE_THEN_WORD.exec(text.slice(-WINDOW))?.[1];
  if (!word || JOINERS.has(word.toLowerCase()) || /hidden\]$|••••/.test(word)) return undefined;
  return text.length - word.length;
}

/** The number at the very end, when it has more than 4 digits and is not yet a whole card. */
function numberBeingTyped(text: string, run: DigitRun | undefined): boolean {
  if (!run || !OPEN_RUN.test(text.slice(run.end))) return false;
  return run.groups.join('').length > 4 && !wholeCard(text, run);
}

/** A number of 5 to 8 digits that a cue typed next would make a code: redact judges with one added. */
function codeMayBeNamed(text: string, run: DigitRun, rules: CompiledRules | undefined): boolean {
  if (shaped(run) < 5 || text.length - run.end > CODE_REACH || !standalone(text, run)) return false;
  const after = text.slice(run.end);
  if (/^\s*\S*$/.test(after)) return true; // the word after it is still being typed ("is", "c'est")
  // The cue may be the next word, or the word being typed ("… your Google v" + "erification").
  const local = text.slice(Math.max(0, run.start - 24));
  const digits = text.slice(run.start, run.end);
  return [`${local} code`, local.replace(/\S+$/, 'code')].some(
    (t) => !redact(t, rules).text.includes(digits),
  );
}

/** Stretches of `text` to hold back, in text order, not overlapping. */
export function undecided(text: string, rules?: CompiledRules): Span[] {
  const cut = Math.max(0, text.length - WINDOW);
  const tail = text.slice(cut);
  const runs = digitRuns(tail);
  const last = runs[runs.length - 1];
  const growing = numberBeingTyped(tail, last);
  const end = text.length;
  const found: Span[] = [];
  const cue = afterCue(text);
  if (cue !== undefined) found.push({ start: cue, end, ...CODE });
  const password = passwordBeingTyped(text);
  if (password !== undefined) found.push({ start: password, end, ...PASSWORD });
  const key = keyBeingTyped(text);
  if (key) found.push({ ...key, end });
  const iban = ibanBeingTyped(text);
  if (iban !== undefined) found.push({ start: iban, end, ...IBAN });
  if (growing) found.push({ start: last!.start + cut, end, ...NUMBER });
  for (const run of runs)
    if ((run !== last || !growing) && codeMayBeNamed(tail, run, rules))
      found.push({ start: run.start + cut, end: run.end + cut, ...NUMBER });
  for (const s of passwordsMayBeNamed(text)) found.push({ ...s, ...PASSWORD });
  return found.length > 1 ? merged(found) : found;
}

/** Overlapping stretches joined; the first to start (or the first found, at the same start) names them. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
