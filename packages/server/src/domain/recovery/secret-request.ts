/**
 * An agent message that asks the visitor for a password or a code, or holds one, is held back with a
 * warning to the agent: a manipulated (or fake) agent is the way codes get stolen. Asking the visitor to
 * type a code in the secure field is the right flow and is not held: a code is only ever typed there.
 */
import { redact } from '@candor/protocol';
import { foldForMatching } from './text-folding';

export type HeldBecause = 'contains_secret' | 'asks_for_secret';

const ASK =
  /\b(send|give|tell|share|type|read|write|enter|confirm|provide|paste|spell|what is|what's|whats|need|donne[rz]?|donnez-moi|envoye[rz]|envoie|communique[rz]?|dite?s|dis-moi|tape[rz]?|indique[rz]?|confirme[rz]?|ecri(?:re|ve[rz])|saisi(?:r|ssez)|quel est|quel etait|lisez|lire|fourni(?:r|ssez)|copie[rz]?|besoin)\b/;
const SECRET =
  /\b(password|passcode|passphrase|pass code|pin|otp|one[- ]time|verification code|security code|code|2fa|mfa|mot de passe|mdp|code (?:de verification|de securite|recu|sms))\b/;
const SECURE_FIELD = /\b(secure field|secure box|champ securise|zone securisee)\b/;
/** How far apart the verb and the secret may be, in characters, to read as one request. */
const NEAR = 60;

export function heldBecause(agentText: string): HeldBecause | undefined {
  if (redact(agentText).found.some((f) => f.kind === 'password' || f.kind === 'code'))
    return 'contains_secret';
  const text = foldForMatching(agentText);
  if (SECURE_FIELD.test(text)) return undefined;
  for (const ask of text.matchAll(new RegExp(ASK.source, 'g'))) {
    const window = text.slice(ask.index, ask.index + ask[0].length + NEAR);
    if (SECRET.test(window)) return 'asks_for_secret';
  }
  return undefined;
}
