import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CODE_LIMITS, CODE_POLICY, codeDigits, issueCode, tryCode, typedCode } from './recovery-code';

const T0 = Date.UTC(2026, 11, 3, 14, 2);
const binding = { conversationId: 'c1', accountId: 'acct-1', purpose: 'unlock' as const };
const at = (ms: number, matches = true) => ({ ...binding, matches, now: T0 + ms });

test('the right code within ten minutes verifies once, and is refused after that', () => {
  const code = issueCode(binding, T0);
  const first = tryCode(code, at(60_000));
  assert.equal(first.outcome, 'verified');
  assert.equal(tryCode(first.next, at(61_000)).outcome, 'already_used');
});

test('a code used after its ten minutes is expired, even with the right digits', () => {
  const code = issueCode(binding, T0);
  assert.equal(tryCode(code, at(CODE_POLICY.ttlMs - 1)).outcome, 'verified');
  assert.equal(tryCode(code, at(CODE_POLICY.ttlMs)).outcome, 'expired');
});

test('five wrong tries spend a code: the sixth is refused without looking at the digits', () => {
  let code = issueCode(binding, T0);
  for (let i = 0; i < CODE_POLICY.triesPerCode; i++) {
    const r = tryCode(code, at(i * 1000, false));
    assert.equal(r.outcome, 'wrong');
    code = r.next;
  }
  assert.equal(tryCode(code, at(10_000, true)).outcome, 'exhausted');
});

test('a code from another conversation, account or purpose is never accepted and costs that code nothing', () => {
  const code = issueCode(binding, T0);
  for (const other of [
    { conversationId: 'c2' },
    { accountId: 'acct-2' },
    { purpose: 'reset_second_factor' as const },
  ]) {
    const r = tryCode(code, { ...at(1000), ...other });
    assert.equal(r.outcome, 'not_for_this');
    assert.equal(r.next.tries, 0);
  }
});

test('codes are six digits, zero-padded, from the whole range', () => {
  assert.equal(codeDigits(4217), '004217');
  assert.equal(codeDigits(999_999), '999999');
  assert.throws(() => codeDigits(1_000_000));
  assert.throws(() => codeDigits(-1));
  assert.throws(() => codeDigits(1.5));
});

test('a typed code forgives the spaces and dashes of reading it out, and nothing else', () => {
  assert.equal(typedCode(' 004 217 '), '004217');
  assert.equal(typedCode('004-217'), '004217');
  assert.equal(typedCode('00421'), undefined);
  assert.equal(typedCode('0042l7'), undefined);
  assert.equal(typedCode('004217; drop table'), undefined);
});

test('an account gets three sends an hour and ten failures a day', () => {
  let state;
  for (let i = 0; i < 3; i++) {
    const d = CODE_LIMITS.sends.rule(state, T0 + i);
    assert.ok(d.ok);
    state = d.next;
  }
  const fourth = CODE_LIMITS.sends.rule(state, T0 + 10);
  assert.equal(fourth.ok, false);
  assert.ok(CODE_LIMITS.sends.rule(state, T0 + 60 * 60_000).ok, 'a new hour, a new window');
  state = undefined;
  for (let i = 0; i < 10; i++) {
    const d = CODE_LIMITS.failures.rule(state, T0 + i);
    assert.ok(d.ok);
    state = d.next;
  }
  assert.equal(CODE_LIMITS.failures.rule(state, T0 + 23 * 60 * 60_000).ok, false);
  assert.notEqual(CODE_LIMITS.sends.key('a'), CODE_LIMITS.failures.key('a'));
});
