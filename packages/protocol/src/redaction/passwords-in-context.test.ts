import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from './index';

const masked = (text: string) => redact(text).text;
const HIDDEN = '[password hidden]';

describe('passwords given in context', () => {
  it('English: after is, a colon, an equals sign, a dash', () => {
    assert.equal(masked('my password is hunter22'), `my password is ${HIDDEN}`);
    assert.equal(masked('Password: Tr0ub4dor&3, username bob'), `Password: ${HIDDEN}, username bob`);
    assert.equal(masked('pwd=abc123'), `pwd=${HIDDEN}`);
    assert.equal(masked('pass: hunter22'), `pass: ${HIDDEN}`);
    assert.equal(masked('password - Summer2024!'), `password - ${HIDDEN}`);
    assert.equal(masked('my password is sunshine'), `my password is ${HIDDEN}`);
  });
  it('French: est, c’est, mdp, mot de passe :', () => {
    assert.equal(masked('mon mot de passe est Soleil2024!'), `mon mot de passe est ${HIDDEN}`);
    assert.equal(masked('mot de passe : azerty123'), `mot de passe : ${HIDDEN}`);
    assert.equal(masked("le mdp c'est doudou"), `le mdp c'est ${HIDDEN}`);
    assert.equal(masked('Mot de passe: «Chocolat!89»'), `Mot de passe: «${HIDDEN}»`);
  });
  it('for what the password is: "password for my account is", "mot de passe du wifi c’est"', () => {
    assert.equal(
      masked('the password for my account is Hunter22'),
      `the password for my account is ${HIDDEN}`,
    );
    assert.equal(masked('password for the admin panel: Jup1t3r'), `password for the admin panel: ${HIDDEN}`);
    assert.equal(
      masked("le mot de passe du wifi c'est marseille"),
      `le mot de passe du wifi c'est ${HIDDEN}`,
    );
    assert.equal(masked('mot de passe temporaire : Xk29!pq'), `mot de passe temporaire : ${HIDDEN}`);
  });
  it('without a link word only a secret-looking token: digits, symbols or mixed case', () => {
    assert.equal(
      masked('I changed my password to Tr0ub4dor&3 yesterday'),
      `I changed my password to ${HIDDEN} yesterday`,
    );
    assert.equal(masked('login jdupont mdp Soleil2024'), `login jdupont mdp ${HIDDEN}`);
    assert.equal(
      masked("j'ai changé mon mot de passe en chaton75"),
      `j'ai changé mon mot de passe en ${HIDDEN}`,
    );
  });
  it('a cue after: "Hunter22 is my password"', () => {
    assert.equal(masked('Hunter22 is my password'), `${HIDDEN} is my password`);
    assert.equal(masked("ok Soleil2024. c'est mon mot de passe"), `ok ${HIDDEN}. c'est mon mot de passe`);
  });
  it('leaves sentences about passwords', () => {
    for (const text of [
      'I forgot my password',
      "j'ai oublié mon mot de passe",
      'reset my password please',
      'my password is not working',
      'mon mot de passe est incorrect',
      'My password is wrong apparently',
      'your password is case-sensitive',
      'Mon mot de passe est bloqué depuis hier',
      'password: forgotten, again',
      'Le mot de passe doit contenir 8 caractères',
      'the password reset link expired',
      "Passwords don't match",
      'What is my password?',
      'mot de passe trop faible',
      'password manager autofill broke',
      'my password is too short',
      'I changed my password to something easier',
    ])
      assert.equal(masked(text), text);
  });
});
