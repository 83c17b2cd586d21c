/**
 * What the widget says in a recovery chat, in English and French: the same words whether or not the
 * account exists, the outcome of a code in plain words, the verified-agent mark and its link.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RECOVERY_SITUATIONS } from '@candor/protocol';
import { STRINGS } from './i18n';
import { cleanCode, looksLikeCode, type RecoveryState } from './recovery';
import { FORM_TEXT } from './recovery-form';
import { agentMarkText, codeResultText, recoveryStatusText, verifyHref } from './recovery-text';

const AT_1402 = Date.UTC(2026, 11, 3, 14, 2);
const AT_1412 = Date.UTC(2026, 11, 3, 14, 12);
const state = (patch: Partial<RecoveryState> = {}): RecoveryState => ({
  start: null,
  code: null,
  status: null,
  ...patch,
});

describe('recovery texts', () => {
  it('says the same before any code whatever the server found, then that a code may be on its way', () => {
    assert.equal(
      recoveryStatusText(STRINGS.en, state()),
      'Thank you. A member of our team will answer you here.',
    );
    const sent = state({ status: { codeRequestedAt: AT_1402, codeExpiresAt: AT_1412, verifiedAt: null } });
    assert.equal(
      recoveryStatusText(STRINGS.en, sent, 'UTC'),
      'If the account has contact details on file, a code is on its way. It works until 02:12 PM.',
    );
    assert.equal(
      recoveryStatusText(STRINGS.fr, sent, 'UTC'),
      'Si des coordonnées sont enregistrées pour ce compte, un code est en route. Il est valable jusqu’à 14:12.',
    );
  });

  it('says when the account was verified', () => {
    const verified = state({
      status: { codeRequestedAt: AT_1402, codeExpiresAt: AT_1412, verifiedAt: AT_1402 },
    });
    assert.equal(recoveryStatusText(STRINGS.en, verified, 'UTC'), 'Verified at 02:02 PM.');
    assert.equal(recoveryStatusText(STRINGS.fr, verified, 'UTC'), 'Vérifié à 14:02.');
  });

  it('tells every outcome of a code in plain words, and nothing while it is on its way', () => {
    const said = (code: RecoveryState['code'], lang: 'en' | 'fr' = 'en') =>
      codeResultText(STRINGS[lang], state({ code }));
    assert.equal(said('verified'), 'Code accepted: your account is verified.');
    assert.equal(said('wrong'), 'This code is not right. Check it and try again.');
    assert.equal(said('expired'), 'This code has expired. Ask for a new one.');
    assert.equal(said('too_many_tries'), 'Too many tries. Ask for a new code.');
    assert.equal(said('failed'), 'The code could not be sent. Please try again.');
    assert.equal(said('wrong', 'fr'), 'Ce code n’est pas le bon. Vérifiez-le et réessayez.');
    assert.equal(said('too_many_tries', 'fr'), 'Trop d’essais. Demandez un nouveau code.');
    assert.equal(said('sending'), '');
    assert.equal(said(null), '');
  });

  it('names the controls and the banner in both languages', () => {
    assert.equal(STRINGS.en.codeLabel, 'Verification code');
    assert.equal(STRINGS.fr.codeLabel, 'Code de vérification');
    assert.equal(STRINGS.en.codeVerify, 'Verify code');
    assert.equal(STRINGS.fr.codeVerify, 'Vérifier le code');
    assert.equal(STRINGS.en.recoveryOffer, 'I can’t access my account');
    assert.equal(STRINGS.fr.recoveryOffer, 'Je n’arrive plus à accéder à mon compte');
    assert.match(STRINGS.en.recoveryBanner, /never ask for your password or a code/);
    assert.match(STRINGS.fr.recoveryBanner, /ne vous demanderont jamais votre mot de passe/);
  });

  it('has the form in both languages, one answer per situation of the protocol', () => {
    assert.deepEqual(Object.keys(FORM_TEXT.fr).sort(), Object.keys(FORM_TEXT.en).sort());
    for (const t of [FORM_TEXT.en, FORM_TEXT.fr]) {
      assert.equal(t.situations.length, RECOVERY_SITUATIONS.length);
      for (const value of Object.values(t)) assert.ok(value.length > 0);
    }
  });
});

describe('the verified-agent mark', () => {
  it('names the site in the visitor’s language', () => {
    assert.equal(agentMarkText(STRINGS.en, 'Acme'), 'Verified agent of Acme');
    assert.equal(agentMarkText(STRINGS.fr, 'Acme'), 'Agent vérifié de Acme');
  });

  it('links only to an http(s) page without credentials', () => {
    assert.equal(verifyHref('https://help.acme.example/verify'), 'https://help.acme.example/verify');
    assert.equal(verifyHref('javascript:alert(1)'), null);
    assert.equal(verifyHref('mailto:support@acme.example'), null);
    assert.equal(verifyHref('https://acme.example@evil.example/verify'), null);
    assert.equal(verifyHref('/verify'), null);
  });
});

describe('codes in the message box', () => {
  it('flags six digits or more, grouped or not, in any script', () => {
    for (const text of ['482913', 'my code is 482 913', '482-913', '48 29 13', '٤٨٢٩١٣', '12345678'])
      assert.equal(looksLikeCode(text), true, text);
    for (const text of ['12345', '1 2 3 4 5', 'call me at 3pm', 'room 12, floor 3456', '12  34  56'])
      assert.equal(looksLikeCode(text), false, text);
  });

  it('takes the spaces and dashes out of a typed code, and refuses one too long', () => {
    assert.equal(cleanCode(' 482 913 '), '482913');
    assert.equal(cleanCode('482-913'), '482913');
    assert.equal(cleanCode('1'.repeat(33)), '');
  });
});
