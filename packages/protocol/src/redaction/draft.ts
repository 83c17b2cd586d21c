/**
 * Drafts are relayed while they are being typed, so a secret may still be incomplete: "4242 4242 42" is
 * no valid card yet, "my code is 48" no code yet, "ghp_x1" no key yet, and redact() rightly leaves
 * them. Shown to an agent keystroke by keystroke they would leak the secret all the same. So a draft
 * is redacted as a message is, and what may still become a secret is held back as well (undecided.ts:
 * the number, IBAN, key or password being typed; a number or password-like token that the next words
 * could name a code or password): no prefix of a message shows more than 4 characters of a secret
 * that the finished message masks. The sent message is judged by redact() alone.
 */
import { redact, type CompiledRules, type Redacted } from './index';
import { undecided } from './undecided';

export function redactDraft(text: string, rules?: CompiledRules): Redacted {
  return redact(text, rules, undecided(text, rules));
}
