import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeStatus, outcomeWithoutLiveCode, visitorState, wireOutcome } from './recovery-views';
import { codeMail, codeText } from './code-message';
import { openingMessage } from './recovery-start';

const code = (over: object = {}) => ({
  issuedAt: 1_000,
  expiresAt: 601_000,
  tries: 0,
  usedAt: null,
  ...over,
});

describe('what each side sees of recovery codes', () => {
  it('gives the visitor the newest code’s times and when it was proven, nothing more', () => {
    assert.deepEqual(visitorState([], []), { codeRequestedAt: null, codeExpiresAt: null, verifiedAt: null });
    assert.deepEqual(visitorState([code(), code({ issuedAt: 5_000, expiresAt: 605_000 })], [{ at: 7_000 }]), {
      codeRequestedAt: 5_000,
      codeExpiresAt: 605_000,
      verifiedAt: 7_000,
    });
  });

  it('names a code’s status and a try’s outcome without saying more than the visitor knows', () => {
    assert.equal(codeStatus(code(), 2_000), 'pending');
    assert.equal(codeStatus(code({ usedAt: 3_000 }), 2_000), 'verified');
    assert.equal(codeStatus(code({ tries: 5 }), 2_000), 'used_up');
    assert.equal(codeStatus(code(), 601_000), 'expired');
    assert.equal(wireOutcome('already_used'), 'expired');
    assert.equal(wireOutcome('not_for_this'), 'wrong');
    assert.equal(wireOutcome('exhausted'), 'too_many_tries');
    assert.equal(outcomeWithoutLiveCode([], 0), 'wrong');
    assert.equal(outcomeWithoutLiveCode([code({ tries: 5 })], 2_000), 'too_many_tries');
    assert.equal(outcomeWithoutLiveCode([code()], 700_000), 'expired');
  });

  it('writes the code’s email and text in the visitor’s language, with the warnings', () => {
    const en = codeMail({ language: 'en', code: '004217', purpose: 'unlock', ttlMs: 600_000 });
    assert.match(en.text, /\n004217\n/);
    assert.match(en.text, /unlock your account/);
    assert.match(en.text, /secure code field/);
    assert.match(en.text, /never ask you for this code/);
    assert.match(en.text, /10 minutes/);
    assert.match(en.html, /004217/);
    const fr = codeMail({ language: 'fr', code: '004217', purpose: 'change_contact', ttlMs: 600_000 });
    assert.match(fr.subject, /code de récupération/);
    assert.match(fr.text, /ne vous demandera jamais ce code/);
    const sms = codeText({ language: 'en', code: '004217', purpose: 'unlock', ttlMs: 600_000 });
    assert.ok(sms.length <= 160 * 2, sms);
    assert.match(sms, /never ask/);
  });

  it('opens with the visitor’s own words, else their situation in their language', () => {
    assert.equal(openingMessage('hacked', '  My email changed  ', 'en'), 'My email changed');
    assert.match(openingMessage('hacked', undefined, 'fr'), /piraté/);
    assert.match(openingMessage('locked_out', '   ', 'en'), /locked out/);
  });
});
