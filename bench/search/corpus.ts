/**
 * A synthetic support corpus in French and English: messages of 6 to 24 words drawn from a vocabulary
 * of inflected everyday support words with a Zipf-like skew (a few words in most messages, most words
 * rare), plus order references that each appear a handful of times. Deterministic (seeded).
 */
const FRENCH = `bonjour merci commande colis livraison remboursement rembourser remboursé remboursée retour retourner
facture factures paiement payer payé carte compte mot passe connexion connecter problème problèmes
adresse modifier modifié annuler annulé annulation abonnement abonnements résilier produit produits
taille couleur stock disponible délai délais semaine semaines jour jours hier aujourd demain client
service équipe réponse répondre attendre attente urgent toujours encore rien reçu reçue recevoir
envoyé envoyer expédié expédition suivi numéro transporteur poste relais point cassé abîmé endommagé
manquant erreur échange échanger garantie réparation technicien installation application mobile
site page panier promo code réduction prix cher gratuit frais port avoir bon cadeau fidélité points
inscription désinscription newsletter courriel email téléphone appeler rappeler message messages
voudrais pourriez pouvez besoin aide aider question questions demande demandes dossier réclamation`;
const ENGLISH = `hello thanks order orders parcel delivery refund refunded refunding return returned invoice
invoices payment paid card account password login logged problem issue issues address change changed
cancel cancelled cancellation subscription subscriptions product products size colour stock available
delay week weeks day days yesterday today tomorrow customer support team reply answer wait waiting
urgent still nothing received receive sent shipped shipping tracking number carrier broken damaged
missing error exchange warranty repair technician install installed app mobile website page cart
discount coupon price expensive free fee credit gift loyalty signup unsubscribe newsletter email phone
call callback message messages would could please need help question questions request ticket claim`;

const WORDS = [...FRENCH.split(/\s+/), ...ENGLISH.split(/\s+/)].filter(Boolean);

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cumulative weights 1/(rank+1)^0.9 over WORDS: a pick is a binary search. */
const CUMULATIVE = (() => {
  let sum = 0;
  return WORDS.map((_, rank) => (sum += 1 / (rank + 1) ** 0.9));
})();

function pickWord(rand: () => number): string {
  const total = CUMULATIVE.at(-1)!;
  const target = rand() * total;
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return WORDS[lo]!;
}

/** Order references: about one per 5 messages, from a pool sized so each appears ~10 times. */
export function referencePool(messages: number): number {
  return Math.max(100, Math.floor(messages / 50));
}

export function message(rand: () => number, pool: number): string {
  const length = 6 + Math.floor(rand() * 19);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(pickWord(rand));
  if (rand() < 0.2) words.splice(Math.floor(rand() * words.length), 0, `CMD${Math.floor(rand() * pool)}`);
  return `${words.join(' ')}.`;
}

/** The word at a rank of the skew (0: the most frequent). */
export function wordAt(rank: number): string {
  return WORDS[Math.min(rank, WORDS.length - 1)]!;
}
