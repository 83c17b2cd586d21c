import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asksForPerson, isFrustrated, oneEditApart } from './visitor-signals';

describe('a typed request for a person', () => {
  it('is heard in French, with or without accents and with typos', () => {
    for (const text of [
      'je veux parler à quelqu’un',
      "je veux parler a quelqu'un",
      'un conseiller',
      'un conseiler svp',
      'je voudrais parler a un humain',
      'passez moi un operateur',
      'une vraie personne svp',
      'AGENT',
    ])
      assert.ok(asksForPerson(text), text);
  });

  it('is heard in English, with typos', () => {
    for (const text of [
      'human please',
      'agent',
      'can I talk to someone',
      'I want to speak to a real person about my order',
      'humna pls',
      'representative',
    ])
      assert.ok(asksForPerson(text), text);
  });

  it('is not heard in questions that only mention people', () => {
    for (const text of [
      'personne ne m’a répondu pour mon colis',
      'my parcel was given to someone else by the carrier, what do I do now',
      'où est mon colis',
      'where is my order',
    ])
      assert.ok(!asksForPerson(text), text);
  });
});

describe('frustration', () => {
  it('is heard in repeated punctuation and all caps', () => {
    for (const text of [
      'where is my parcel!!!',
      'vous etes la ???',
      'allo ?!?',
      'OU EST MON COLIS',
      'WHERE IS MY REFUND',
    ])
      assert.ok(isFrustrated(text), text);
  });

  it('is heard in insults and "still not working" in both languages', () => {
    for (const text of [
      'ça ne marche toujours pas',
      'ca marche toujours pas',
      'vous êtes nuls',
      'c’est une arnaque',
      'ça sert à rien',
      'still not working',
      'it still doesn’t work',
      'this is useless',
      'wtf',
    ])
      assert.ok(isFrustrated(text), text);
  });

  it('is not heard in ordinary questions', () => {
    for (const text of [
      'where is my order??',
      'je n’ai toujours pas reçu mon colis',
      'Bonjour, ma commande LM-48213 est-elle partie ?',
      'can I return a UK size 8 dress',
      'OK',
      'consulter mes commandes',
    ])
      assert.ok(!isFrustrated(text), text);
  });
});

describe('one typo apart', () => {
  it('allows one insertion, deletion, substitution or swap', () => {
    assert.ok(oneEditApart('human', 'humna'));
    assert.ok(oneEditApart('conseiller', 'conseiler'));
    assert.ok(oneEditApart('agent', 'agents'));
    assert.ok(oneEditApart('human', 'humen'));
    assert.ok(!oneEditApart('human', 'woman'));
  });
});
