import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heldBecause } from './secret-request';

test('an agent asking for a password or a code is held, in English and French', () => {
  for (const text of [
    'Can you send me the code you received?',
    "What's your password?",
    'Please give me the 6-digit verification code',
    'Could you read me the code from the SMS',
    'Pouvez-vous me donner le code reçu par SMS ?',
    'Quel est votre mot de passe ?',
    'Envoyez-moi le code de vérification',
    'dites-moi votre mdp',
  ])
    assert.equal(heldBecause(text), 'asks_for_secret', text);
});

test('an agent message holding a code or a password is held', () => {
  assert.equal(heldBecause('Your code is 482913'), 'contains_secret');
  assert.equal(heldBecause('I set your password to Hunter2!x'), 'contains_secret');
});

test('pointing the visitor to the secure field, and ordinary answers, go through', () => {
  for (const text of [
    'Please type the code in the secure field below the chat.',
    'Saisissez le code dans le champ sécurisé, jamais dans la conversation.',
    'Your order will arrive on Monday.',
    'I have unlocked your account, you can log in again.',
    'Votre colis est parti hier.',
    'Send me a screenshot of the error page',
    'The discount code SUMMER applies at checkout',
  ])
    assert.equal(heldBecause(text), undefined, text);
});
