/**
 * Look-alikes: chat sentences with numbers and words that resemble secrets but are not (orders,
 * phones, dates, amounts, Luhn-invalid numbers, postcodes, tracking numbers, "forgot my password"...).
 * Nothing here may be masked.
 */
import type { Rng } from './prng';
import { dress } from './positives';
import { formatCard, invalidCardDigits, invalidIban } from './secrets';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'September',
  'October',
  'December',
];
const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'septembre',
  'octobre',
  'décembre',
];
const CITIES = [
  'Paris',
  'Lyon',
  'Marseille',
  'Bordeaux',
  'Lille',
  'Nantes',
  'Toulouse',
  'Rennes',
  'Strasbourg',
];
const STREETS = [
  'rue Oberkampf',
  'avenue Jean Jaurès',
  'boulevard Voltaire',
  'rue de la Paix',
  'chemin des Vignes',
];

type Maker = (r: Rng) => string;

function year(r: Rng): number {
  return r.int(1995, 2026);
}
function frPhone(r: Rng): string {
  const d = () => r.digits(2);
  const lead = r.pick(['06', '07', '01', '02', '04', '09']);
  return r.pick([
    `${lead} ${d()} ${d()} ${d()} ${d()}`,
    `${lead}${d()}${d()}${d()}${d()}`,
    `+33 ${lead.slice(1)} ${d()} ${d()} ${d()} ${d()}`,
    `${lead}.${d()}.${d()}.${d()}.${d()}`,
    `+33 (0)${lead.slice(1)} ${d()} ${d()} ${d()} ${d()}`,
    `${lead}-${d()}-${d()}-${d()}-${d()}`,
  ]);
}
function enPhone(r: Rng): string {
  return r.pick([
    `(${r.digits(3)}) ${r.digits(3)}-${r.digits(4)}`,
    `+1 ${r.digits(3)}-555-${r.digits(4)}`,
    `+1 ${r.digits(3)} 555 ${r.digits(4)}`,
    `+44 20 ${r.digits(4)} ${r.digits(4)}`,
    `07700 ${r.digits(6)}`,
    `${r.digits(3)}-${r.digits(3)}-${r.digits(4)}`,
    `+44 7${r.digits(3)} ${r.digits(6)}`,
  ]);
}
function date(r: Rng): string {
  const d = r.int(1, 28);
  const m = r.int(1, 12);
  const y = year(r);
  return r.pick([
    `${pad(d)}/${pad(m)}/${y}`,
    `${y}-${pad(m)}-${pad(d)}`,
    `${r.pick(MONTHS_EN)} ${d}, ${y}`,
    `le ${d} ${r.pick(MONTHS_FR)} ${y}`,
    `${pad(d)}.${pad(m)}.${y}`,
    `${pad(m)}/${pad(d)}/${String(y).slice(2)}`,
  ]);
}
function amount(r: Rng): string {
  const n = r.int(1, 99999);
  const cents = pad(r.int(0, 99));
  const th = n >= 1000 ? `${Math.floor(n / 1000)} ${pad(n % 1000, 3)}` : String(n);
  const thEn = n >= 1000 ? `${Math.floor(n / 1000)},${pad(n % 1000, 3)}` : String(n);
  return r.pick([
    `${th},${cents} €`,
    `$${thEn}.${cents}`,
    `${n} EUR`,
    `${th} euros`,
    `€ ${n}`,
    `${n} $`,
    `£${thEn}`,
    `${n}€`,
    `USD ${n}`,
  ]);
}
const orderNo = (r: Rng) =>
  r.pick([
    r.digits(5),
    r.digits(6),
    r.digits(8),
    `${r.pick(['111', '112', '114', '171', '202', '302', '403', '405', '702'])}-${r.digits(7)}-${r.digits(7)}`,
    `${year(r)}-${r.digits(5)}`,
    `FR${r.digits(9)}`,
    r.digits(10),
  ]);

const MAKERS: Record<string, Maker[]> = {
  order: [
    (r) => `My order ${orderNo(r)} hasn't arrived`,
    (r) => `commande n° ${orderNo(r)}`,
    (r) => `Order #${orderNo(r)} was charged twice`,
    (r) => `Where is order ${orderNo(r)}?`,
    (r) => `ma commande ${orderNo(r)} est bloquée depuis ${r.int(2, 15)} jours`,
    (r) => `Amazon order ${orderNo(r)}`,
    (r) => `réf commande : ${orderNo(r)}`,
    (r) => `order number ${orderNo(r)}, placed ${date(r)}`,
    (r) => `the code for order ${r.digits(5)} never came`,
    (r) => `Order ${r.digits(5)}: the code didn't work`,
    (r) => `numéro de commande ${r.digits(6)}, le code promo n'a pas été appliqué`,
  ],
  phone: [
    (r) => `call me at ${frPhone(r)}`,
    (r) => `mon numéro : ${frPhone(r)}`,
    (r) => `Vous pouvez me joindre au ${frPhone(r)}`,
    (r) => `my phone number is ${enPhone(r)}`,
    (r) => `please call ${enPhone(r)} after 5pm`,
    (r) => `I didn't get the code, call me at ${enPhone(r)}`,
    (r) => `Can you resend the code to ${frPhone(r)}?`,
    (r) => `tel ${frPhone(r)} / ${enPhone(r)}`,
    (r) => `Le code n'arrive pas sur le ${frPhone(r)}`,
  ],
  date: [
    (r) => `I ordered on ${date(r)}`,
    (r) => `Livraison prévue ${date(r)}`,
    (r) => `between ${date(r)} and ${date(r)}`,
    (r) => `my subscription renews ${date(r)}`,
    (r) => `né le ${pad(r.int(1, 28))}/${pad(r.int(1, 12))}/${r.int(1950, 2005)}`,
    (r) => `the code expired on ${date(r)}`,
  ],
  amount: [
    (r) => `I was charged ${amount(r)} instead of ${amount(r)}`,
    (r) => `remboursement de ${amount(r)} svp`,
    (r) => `total: ${amount(r)}`,
    (r) => `J'ai payé ${amount(r)} pour la commande`,
    (r) => `the code gave me ${r.int(5, 50)}% off but I paid ${amount(r)}`,
    (r) => `le code promo a retiré ${amount(r)}`,
  ],
  luhn_invalid: [
    (r) => `my card number is ${formatCard(r, invalidCardDigits(r))}`,
    (r) => `carte ${formatCard(r, invalidCardDigits(r))} refusée`,
    (r) => `${formatCard(r, invalidCardDigits(r))}`,
    (r) => `ref ${invalidCardDigits(r)}`,
  ],
  postcode: [
    (r) =>
      `I live at ${r.int(1, 120)} ${r.pick(STREETS)}, ${r.pick(['75', '69', '13', '33', '59', '44'])}${r.digits(3)} ${r.pick(CITIES)}`,
    (r) => `code postal ${r.pick(['75', '69', '13', '33', '59', '44', '31'])}${r.digits(3)}`,
    (r) => `zip code ${r.digits(5)}`,
    (r) => `my postcode is SW1A ${r.int(1, 9)}AA`,
    (r) => `Beverly Hills ${r.digits(5)}`,
    (r) =>
      `livraison au ${r.int(1, 99)} ${r.pick(STREETS)} ${r.digits(5)} ${r.pick(CITIES)}, digicode en panne`,
    (r) => `mon code postal c'est ${r.digits(5)}`,
  ],
  tracking: [
    (r) => `tracking 1Z${r.chars('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 16)}`,
    (r) => `numéro de suivi ${r.pick(['LA', 'RR', 'CP'])}${r.digits(9)}FR`,
    (r) =>
      `USPS ${r.pick(['9400', '9205', '9361'])} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(4)} ${r.digits(2)}`,
    (r) => `colis ${r.digits(1)}${r.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 1)}${r.digits(11)}`,
    (r) => `DHL ${r.digits(10)}`,
    (r) => `FedEx tracking number ${r.digits(12)}`,
    (r) => `le code de suivi ${r.digits(13)} ne marche pas`,
  ],
  forgot_password: [
    () => 'I forgot my password',
    () => "j'ai oublié mon mot de passe",
    () => 'reset my password please',
    () => 'my password is not working',
    () => 'mon mot de passe est incorrect',
    () => 'How do I change my password?',
    () => 'Le mot de passe doit contenir 8 caractères',
    () => 'password must be at least 12 characters',
    () => 'the password reset link expired',
    () => "mot de passe oublié, pouvez-vous m'aider ?",
    () => 'My password is wrong apparently',
    () => 'your password is case-sensitive',
    () => 'I never received the password reset email',
    () => 'Mon mot de passe est bloqué depuis hier',
    () => 'password: forgotten, again :(',
    () => "le mdp c'est toujours le même ?",
    () => 'Is my password stored in clear text?',
    () => "Passwords don't match, it says",
    () => 'my password is too short?',
    () => 'mot de passe trop faible selon le site',
    () => 'I changed my password yesterday and now I cannot log in',
    () => "password reset doesn't work on mobile",
    () => 'the password field is greyed out',
    () => 'can you send a new password to my email?',
    () => 'Mon mot de passe a expiré',
    () => 'what are the password requirements?',
    () => 'password manager autofill broke',
    () => 'mdp perdu, que faire ?',
  ],
  version: [
    (r) => `I'm on v${r.int(1, 20)}.${r.int(0, 30)}.${r.int(0, 200)}`,
    (r) => `version ${r.int(1, 9)}.${r.int(0, 9)}.${r.digits(4)}`,
    (r) => `iOS ${r.int(14, 18)}.${r.int(0, 7)}.${r.int(0, 3)}`,
    (r) => `build ${year(r)}.${pad(r.int(1, 12))}.${pad(r.int(1, 28))}`,
    (r) => `Android ${r.int(9, 15)}, app version ${r.int(1, 5)}.${r.int(0, 40)} (${r.digits(5)})`,
    (r) => `IP ${r.int(10, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`,
  ],
  year: [
    (r) => `I've been a customer since ${year(r)}`,
    (r) => `client depuis ${year(r)}`,
    (r) => `back in ${year(r)} it worked`,
    (r) => `en ${year(r)} le code a changé`,
    (r) => `In ${year(r)} the code changed`,
    (r) => `the ${year(r)} model`,
  ],
  invoice: [
    (r) => `invoice INV-${year(r)}-${r.digits(5)}`,
    (r) => `facture FA-${year(r)}-${r.digits(4)}`,
    (r) => `invoice ${year(r)}${pad(r.int(1, 12))}${pad(r.int(1, 28))}-${r.digits(4)}`,
    (r) => `dossier n°${r.digits(7)}`,
    (r) => `ticket ${r.digits(6)}`,
    (r) => `room ${r.digits(4)}`,
    (r) => `chambre ${r.digits(3)}, le code wifi ne marche pas`,
    (r) => `SIRET ${r.digits(3)} ${r.digits(3)} ${r.digits(3)} ${r.digits(5)}`,
    (r) => `IMEI ${r.pick(['35', '86', '01'])}${r.digits(13)}`,
    (r) => `customer number ${r.digits(8)}`,
  ],
  cue_no_secret: [
    () => "I didn't receive the verification code",
    () => 'Le code ne marche pas',
    (r) => `my code expired after ${r.int(2, 30)} minutes`,
    (r) => `I waited ${r.int(2, 30)} minutes for the code`,
    (r) => `error code ${r.digits(3)} on page ${r.int(2, 9)}`,
    (r) => `error code ${r.digits(4)}`,
    (r) => `promo code NOEL${year(r)}`,
    () => 'the OTP never arrives',
    () => 'code SMS non reçu',
    () => 'what is the PIN for?',
    (r) => `code erreur ${r.digits(4)}`,
    (r) => `the code is ${r.int(6, 8)} digits long`,
    (r) => `I tried the code ${r.int(3, 5)} times`,
    (r) =>
      `Le code de réduction ${r.pick(['BIENVENUE', 'PROMO', 'SOLDES'])}${r.int(10, 50)} ne fonctionne pas`,
  ],
  invalid_iban: [
    (r) => `IBAN ${invalidIban(r)}`,
    (r) =>
      `mon IBAN : ${invalidIban(r)
        .replace(/(.{4})/g, '$1 ')
        .trim()}`,
    (r) => `BIC ${r.pick(['BNPAFRPPXXX', 'CCBPFRPPVER', 'DEUTDEFF', 'AGRIFRPP882'])}`,
  ],
  key_lookalike: [
    () => 'we use sk-learn for the model',
    () => 'the task-force-meeting-notes doc',
    () => 'Bearer of bad news, sorry',
    () => 'xoxo, Marie',
    () => 'the token ring network is down',
    () => 'my API key expired',
    () => 'où trouver ma clé API ?',
    () => 'the secret is to restart the app',
    () => '-----BEGIN CERTIFICATE----- is what I see',
    (r) => `key ${r.digits(6)}`,
    (r) =>
      `request id ${r.chars('0123456789abcdef', 8)}-${r.chars('0123456789abcdef', 4)}-${r.chars('0123456789abcdef', 4)}`,
    () => 'see https://example.com/docs/getting-started/authentication',
  ],
};

export const NEGATIVE_KINDS = Object.keys(MAKERS);

export function negative(r: Rng, kind: string): string {
  return dress(r, r.pick(MAKERS[kind]!)(r));
}
