/**
 * Drafts are relayed while they are being typed, so a secret may still be incomplete: "4242 4242 42" is
 * no valid card yet, "my code is 48" no code yet, and redact() rightly leaves them. Shown to an agent
 * keystroke by keystroke they would leak the secret all the same. So, on top of redact(), a draft
 * masks whatever could still become a secret: runs of 6+ digits, IBAN-shaped prefixes, and the word
 * being typed right after a code or password cue. The sent message is judged by redact() alone.
 */
import { redact, type CompiledRules, type Redacted } from './index';

const LONG_DIGITS = /\d(?:[ .-]?\d){5,}/g;
const IBAN_PREFIX = /\b[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){2,}/g;
const CUE_THEN_WORD =
  /(?:code|otp|pin|cvv|cvc|cryptogramme|password|passwd|pwd|pass|mot de passe|mdp)\s*(?:is|est|c['’]est|:|=)?\s*(\S+)$/i;
const JOINERS = new Set(['is', 'est', ':', '=', "c'est", 'c’est']);

export function redactDraft(text: string, rules?: CompiledRules): Redacted {
  const first = redact(text, rules);
  const found = [...first.found];
  let out = first.text
    .replace(IBAN_PREFIX, () => {
      found.push({ kind: 'iban', label: 'IBAN' });
      return '[IBAN hidden]';
    })
    .replace(LONG_DIGITS, () => {
      found.push({ kind: 'card', label: 'number' });
      return '[number hidden]';
    });
  const typing = CUE_THEN_WORD.exec(out);
  const word = typing?.[1];
  if (typing && word && !JOINERS.has(word.toLowerCase()) && !/hidden\]$|••••/.test(word)) {
    out = `${out.slice(0, out.length - word.length)}[code hidden]`;
    found.push({ kind: 'code', label: 'code' });
  }
  return { text: out, found };
}
