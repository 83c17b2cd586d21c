import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecoveryActionView, RecoveryCodeView } from '@candor/protocol';
import {
  actionPeople,
  actionStatusText,
  clock,
  codeText,
  contactName,
  distinctSignals,
  needsVerification,
  refusalText,
  signalText,
  situationText,
  standingText,
  verificationText,
  when,
} from './recovery-wording';

const utc = { timeZone: 'UTC' } as const;
const at = (h: number, m: number, day = 3) => Date.UTC(2026, 11, day, h, m);

function action(over: Partial<RecoveryActionView> = {}): RecoveryActionView {
  return {
    id: 'x1',
    action: 'unlock',
    status: 'approved',
    reason: null,
    requestedBy: { id: 'a1', name: 'Ada' },
    approvedBy: null,
    newContactMasked: null,
    coolingOffUntil: null,
    createdAt: at(14, 0),
    decidedAt: null,
    ...over,
  };
}

describe('recovery wording', () => {
  it('words a proof the way the issue does, with its purpose and no more than the mask', () => {
    const proof = {
      purpose: 'unlock',
      channel: 'email',
      masked: 'e•••@example.com',
      standing: 'current',
      at: at(14, 2),
    } as const;
    const words = verificationText(proof, { lang: 'en', ...utc });
    assert.equal(words.line, 'Verified by a code sent to e•••@example.com at 14:02');
    assert.equal(words.purpose, 'for Unlock');
    assert.equal(words.replaced, null);
    const fr = verificationText({ ...proof, standing: 'recently_replaced' }, { lang: 'fr', ...utc });
    assert.equal(fr.line, 'Vérifié par un code envoyé à e•••@example.com à 14:02');
    assert.match(fr.replaced ?? '', /approbation/);
  });

  it('words each code status, a pending one with when it stops working', () => {
    const code: RecoveryCodeView = {
      id: 'k1',
      purpose: 'reset_second_factor',
      channel: 'phone',
      masked: '+33 •• •• •• 78',
      standing: 'current',
      sentAt: at(9, 5),
      expiresAt: at(9, 15),
      status: 'pending',
    };
    assert.deepEqual(codeText(code, { lang: 'en', ...utc }), {
      line: 'Reset second factor: code sent to +33 •• •• •• 78 at 09:05',
      status: 'waiting for the customer, valid until 09:15',
    });
    assert.equal(
      codeText({ ...code, status: 'used_up' }, { lang: 'en', ...utc }).status,
      'too many wrong tries',
    );
    assert.equal(codeText({ ...code, status: 'verified' }, { lang: 'fr', ...utc }).status, 'vérifié');
    assert.equal(codeText({ ...code, status: 'expired' }, { lang: 'en', ...utc }).status, 'expired');
  });

  it('words contacts by channel and mask, and says a replaced one needs approval', () => {
    const contact = { channel: 'email', masked: 'e•••@example.com', standing: 'recently_replaced' } as const;
    assert.equal(contactName(contact, 'en'), 'Email e•••@example.com');
    assert.equal(standingText(contact, 'en'), 'replaced recently, needs approval');
    assert.equal(standingText({ standing: 'current' }, 'fr'), 'actuelle');
  });

  it('words each action status, cooling off with its end, a refusal with its reason', () => {
    const now = at(14, 0);
    const en = { lang: 'en', ...utc } as const;
    assert.equal(
      actionStatusText(action({ status: 'awaiting_approval' }), now, en),
      'Unlock: awaiting approval by a supervisor',
    );
    assert.equal(
      actionStatusText(
        action({ action: 'change_contact', status: 'cooling_off', coolingOffUntil: at(14, 0, 4) }),
        now,
        en,
      ),
      'Change contact: cooling off until 4 Dec, 14:00, unless the old contact stops it',
    );
    assert.equal(
      actionStatusText(action({ action: 'change_contact', status: 'stopped_by_old_contact' }), now, en),
      'Change contact: stopped by the old contact',
    );
    assert.equal(
      actionStatusText(action({ status: 'refused', reason: 'not_verified' }), now, en),
      'Unlock: refused (the customer was not verified)',
    );
    assert.equal(
      actionStatusText(action({ action: 'reset_second_factor', status: 'approved' }), now, {
        lang: 'fr',
        ...utc,
      }),
      'Réinitialiser le second facteur\u00a0: approuvée',
    );
  });

  it('says who asked, who decided and the new contact, masked', () => {
    assert.deepEqual(
      actionPeople(
        action({ approvedBy: { id: 's1', name: 'Sue' }, newContactMasked: 'n•••@new.example' }),
        'en',
      ),
      ['asked by Ada', 'decided by Sue', 'new contact n•••@new.example'],
    );
  });

  it('knows when the next step is to verify the customer', () => {
    assert.equal(needsVerification({ status: 'refused', reason: 'not_verified' }), true);
    assert.equal(needsVerification({ status: 'refused', reason: 'verification_expired' }), true);
    assert.equal(needsVerification({ status: 'refused', reason: 'refused_by_approver' }), false);
    assert.equal(needsVerification({ status: 'awaiting_approval', reason: null }), false);
    assert.equal(
      refusalText('not_verified', 'en'),
      'Verify the customer first: send a code and wait until they type it in their secure field.',
    );
    assert.equal(refusalText('forbidden', 'en'), null);
  });

  it('words takeover signals in plain words, one line per kind, newest time kept', () => {
    assert.equal(
      signalText({ kind: 'identity_mismatch' }, 'en'),
      'The visitor’s signed identity does not match the account they named.',
    );
    const distinct = distinctSignals([
      { kind: 'repeated_attempts', at: 5 },
      { kind: 'contact_recently_replaced', at: 1 },
      { kind: 'repeated_attempts', at: 9 },
    ]);
    assert.deepEqual(distinct, [
      { kind: 'contact_recently_replaced', at: 1 },
      { kind: 'repeated_attempts', at: 9 },
    ]);
  });

  it('words situations and times in both languages', () => {
    assert.equal(situationText('lost_second_factor', 'en'), 'Lost second factor');
    assert.equal(situationText('hacked', 'fr'), 'Compte piraté');
    assert.equal(clock(at(7, 3), { lang: 'fr', ...utc }), '07:03');
    assert.equal(when(at(23, 59), at(0, 1), { lang: 'en', ...utc }), '23:59');
    assert.equal(when(at(8, 0, 5), at(9, 0), { lang: 'fr', ...utc }), '5 déc., 08:00');
  });
});
