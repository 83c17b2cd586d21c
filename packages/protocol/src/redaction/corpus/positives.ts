/** Chat sentences carrying one secret each, EN and FR, as customers write them. */
import type { Rng } from './prng';
import { weighted } from './prng';
import {
  cardDigits,
  formatCard,
  formatIban,
  ibanCompact,
  knownKey,
  opaqueToken,
  otp,
  password,
} from './secrets';

export type PositiveKind = 'card' | 'iban' | 'code' | 'password' | 'api_key';
export interface Sample {
  text: string;
  kind: string;
  secret: string | null;
}

type Template = (s: string) => string;

const OPENERS = [
  '',
  '',
  '',
  'Hi, ',
  'Hello! ',
  'Bonjour, ',
  'Salut ',
  'ok ',
  'Yes, ',
  'Oui, ',
  'Re: ',
  'So ',
];
const CLOSERS = [
  '',
  '',
  '',
  ' thanks',
  ' merci !',
  '\nthanks',
  ' :)',
  ' Thank you.',
  ' Merci beaucoup',
  ' cheers',
];

/** A greeting before and a thank-you after, sometimes. */
export function dress(r: Rng, sentence: string): string {
  return r.pick(OPENERS) + sentence + r.pick(CLOSERS);
}

const CARD: Template[] = [
  (s) => `My card number is ${s}`,
  (s) => `card: ${s}`,
  (s) => `Can you charge ${s} instead?`,
  (s) => `${s} exp 09/27`,
  (s) => `Here it is: ${s}.`,
  (s) => `the number is ${s}, expiry 11/26`,
  (s) => s,
  (s) => `pls refund to card ${s} thx`,
  (s) => `Is ${s} still on file?`,
  (s) => `I typed ${s} but the payment failed`,
  (s) => `new card ${s} (the old one expired)`,
  (s) => `"${s}"`,
  (s) => `Visa ${s} expires 03/28, name on card: J. Smith`,
  (s) => `I was charged twice on ${s} for the same order`,
  (s) => `Mon numéro de carte est ${s}`,
  (s) => `Voici ma CB : ${s}`,
  (s) => `carte ${s} exp 03/28`,
  (s) => `J'ai payé avec ${s} hier soir`,
  (s) => `Pouvez-vous débiter la carte ${s} svp ?`,
  (s) => `le numéro c'est ${s}, merci`,
  (s) => `${s} (carte pro)`,
  (s) => `Ma nouvelle carte : ${s}.`,
  (s) => `Remboursez sur ${s} s'il vous plaît`,
  (s) => `j'ai un prélèvement bizarre sur ma carte ${s}`,
  (s) => `numéro de carte\n${s}\ndate d'expiration 12/26`,
  (s) => `card number: ${s}, CVV 123, exp 04/27`,
  (s) => `${s} 12/27 123`,
  (s) => `the card ${s} exp. 05/26 cvc 321`,
  (s) => `n° carte ${s}`,
  (s) => `CB: ${s}`,
  (s) => `numéro ${s} date 09/27 crypto 123`,
];

const IBAN: Template[] = [
  (s) => `My IBAN is ${s}`,
  (s) => `IBAN: ${s}`,
  (s) => `Please wire the refund to ${s}`,
  (s) => `can you send it to ${s} (my savings account)`,
  (s) => `${s}`,
  (s) => `Bank details - IBAN ${s} - BIC BNPAFRPPXXX`,
  (s) => `The account is ${s}, in my name`,
  (s) => `refund to ${s}.`,
  (s) => `Mon IBAN : ${s}`,
  (s) => `Voici mon RIB : IBAN ${s} BIC CCBPFRPPVER`,
  (s) => `virement sur ${s} svp`,
  (s) => `mon iban c'est ${s}`,
  (s) => `Pouvez-vous rembourser sur le compte ${s} ?`,
  (s) => `IBAN du compte joint\n${s}`,
  (s) => `j'ai changé de banque, nouveau compte ${s}, merci de mettre à jour`,
  (s) => `IBAN : ${s}.`,
  (s) => `RIB: ${s} (Crédit Agricole)`,
  (s) => `account holder: Marie Dupont\nIBAN ${s}\nBIC AGRIFRPP882`,
];

const CODE: Template[] = [
  (s) => `my code is ${s}`,
  (s) => `The verification code is ${s}`,
  (s) => `code: ${s}`,
  (s) => `OTP ${s}`,
  (s) => `Your one-time code: ${s}`,
  (s) => `I got the code ${s} but it says invalid`,
  (s) => `2FA code ${s}`,
  (s) => `security code ${s}`,
  (s) => `here's the code from the SMS: ${s}`,
  (s) => `the code they sent me is ${s}`,
  (s) => `${s} is my code`,
  (s) => `${s} is the verification code`,
  (s) => `verification code ${s}, can you check?`,
  (s) => `G-${s} is your Google verification code.`,
  (s) => `Your Amazon OTP is ${s}. Do not share it with anyone.`,
  (s) => `It asks for a code, I entered ${s} and nothing happens`,
  (s) => `passcode ${s}`,
  (s) => `the code I received by text message is ${s}`,
  (s) => `mon code est ${s}`,
  (s) => `le code c'est ${s}`,
  (s) => `code de vérification : ${s}`,
  (s) => `Votre code de sécurité est ${s}`,
  (s) => `code reçu : ${s}`,
  (s) => `code à usage unique ${s}`,
  (s) => `code SMS ${s}`,
  (s) => `j'ai reçu le code ${s} mais il ne marche pas`,
  (s) => `${s} c'est le code`,
  (s) => `${s} est mon code`,
  (s) => `Le code que j'ai reçu par SMS est ${s}`,
  (s) => `voici le code : ${s}`,
  (s) => `Code de confirmation ${s}`,
  (s) => `got ${s} as the code`,
  (s) => `Here: ${s} (verification code)`,
  (s) => `Le code reçu est le ${s}`,
  (s) => `I entered the 6-digit code ${s}`,
  (s) => `code:${s}`,
  (s) => `c'est quoi le code ? j'ai reçu ${s}`,
  (s) => `OTP is ${s}.`,
  (s) => `Here's the OTP - ${s}`,
  (s) => `mon code d'accès est ${s}`,
  (s) => `The code was ${s} I think`,
  (s) => `${s} <- that's the code`,
];
const PIN: Template[] = [
  (s) => `my PIN is ${s}`,
  (s) => `PIN: ${s}`,
  (s) => `code PIN ${s}`,
  (s) => `mon code confidentiel est ${s}`,
  (s) => `the door code is ${s}`,
  (s) => `digicode ${s}, 3e étage`,
];

const PASSWORD_STRONG: Template[] = [
  (s) => `my password is ${s}`,
  (s) => `Password: ${s}`,
  (s) => `password = ${s}`,
  (s) => `pwd: ${s}`,
  (s) => `the password for my account is ${s}`,
  (s) => `My new password is ${s}, can you check it works?`,
  (s) => `pass: ${s}`,
  (s) => `my password is now ${s}`,
  (s) => `The wifi password is ${s}`,
  (s) => `login: marie.dupont@example.com / password: ${s}`,
  (s) => `password is '${s}'`,
  (s) => `password for the admin panel: ${s}`,
  (s) => `passwd: ${s}`,
  (s) => `mon mot de passe est ${s}`,
  (s) => `mdp : ${s}`,
  (s) => `le mdp c'est ${s}`,
  (s) => `mot de passe : ${s}`,
  (s) => `Mon mot de passe de connexion est ${s}`,
  (s) => `mot de passe temporaire : ${s}`,
  (s) => `le mot de passe du wifi c'est ${s}`,
  (s) => `identifiant : jdupont, mot de passe : ${s}`,
  (s) => `mon mdp est ${s} merci de vérifier`,
  (s) => `Le mot de passe, c'est ${s}`,
  (s) => `mot de passe actuel : ${s}`,
  (s) => `password - ${s}`,
  (s) => `user: bob / pass: ${s}`,
  (s) => `Mot de passe: «${s}»`,
  (s) => `I use the same password everywhere: ${s}`,
  (s) => `my password is ${s} (all lowercase)`,
];
const PASSWORD_WEAK: Template[] = [
  (s) => `I changed my password to ${s} yesterday`,
  (s) => `password ${s} doesn't work`,
  (s) => `tried the password ${s} but no luck`,
  (s) => `j'ai changé mon mot de passe en ${s}`,
  (s) => `mdp ${s}`,
  (s) => `j'ai essayé avec le mot de passe ${s} mais ça ne marche pas`,
  (s) => `mot de passe ${s} refusé`,
  (s) => `${s} is my password`,
  (s) => `${s} c'est mon mot de passe`,
  (s) => `login jdupont mdp ${s}`,
  (s) => `username bob password ${s}`,
];

const KEY_ANY: Template[] = [
  (s) => `here is my API key: ${s}`,
  (s) => `I pasted ${s} into the settings but it says unauthorized`,
  (s) => `export MY_SERVICE_KEY=${s}`,
  (s) => `Using ${s} in production, is that OK?`,
  (s) => `config:\n  key: ${s}`,
  (s) => `{"apiKey": "${s}"}`,
  (s) => `it fails with ${s}`,
  (s) => `voici ma clé API : ${s}`,
  (s) => `ma clé c'est ${s}`,
  (s) => `j'ai mis ${s} dans la config et ça renvoie une erreur`,
  (s) => `le token : ${s}`,
  (s) => `here's the token ${s}`,
  (s) => `key:${s}`,
  (s) => `apikey=${s}`,
];
const KEY_CUED: Template[] = [
  (s) => `my api key is ${s}`,
  (s) => `API key: ${s}`,
  (s) => `token: ${s}`,
  (s) => `access token = ${s}`,
  (s) => `AWS_SECRET_ACCESS_KEY=${s}`,
  (s) => `clé API : ${s}`,
  (s) => `client secret: ${s}`,
  (s) => `le secret c'est ${s}`,
];
const BEARER: Template[] = [
  (s) => `Authorization: Bearer ${s}`,
  (s) => `curl -H "Authorization: Bearer ${s}" https://api.example.com/v1/me`,
  (s) => `I send Bearer ${s} and get a 401`,
];

const PEM: Template[] = [
  (s) => `Here's the private key:\n${s}\nthanks`,
  (s) => `voici la clé privée\n${s}`,
  (s) => s,
];

export const POSITIVE_MAKERS: Record<PositiveKind, (r: Rng) => { text: string; secret: string }> = {
  card: (r) => {
    const { digits, brand } = cardDigits(r);
    const secret = formatCard(r, digits, brand);
    return { text: dress(r, r.pick(CARD)(secret)), secret };
  },
  iban: (r) => {
    const secret = formatIban(r, ibanCompact(r));
    return { text: dress(r, r.pick(IBAN)(secret)), secret };
  },
  code: (r) => {
    const pin = r.chance(0.15);
    const secret = pin ? r.digits(r.chance(0.8) ? 4 : 6) : otp(r);
    return { text: dress(r, r.pick(pin ? PIN : CODE)(secret)), secret };
  },
  password: (r) => {
    const strong = r.chance(0.75);
    const secret = password(r, strong);
    return { text: dress(r, r.pick(strong ? PASSWORD_STRONG : PASSWORD_WEAK)(secret)), secret };
  },
  api_key: (r) => {
    const { secret, templates } = weighted(r, [
      [77, () => ({ secret: knownKey(r), templates: KEY_ANY })],
      [3, () => ({ secret: knownKey(r, 'pem'), templates: PEM })],
      [10, () => ({ secret: opaqueToken(r, '0123456789abcdef', r.pick([32, 40])), templates: KEY_CUED })],
      [10, () => ({ secret: opaqueToken(r, undefined, r.int(24, 40)), templates: BEARER })],
    ])();
    return { text: dress(r, r.pick(templates)(secret)), secret };
  },
};
