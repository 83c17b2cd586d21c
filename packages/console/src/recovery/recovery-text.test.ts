import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RECOVERY_CATALOGUES, sayRecovery } from './recovery-text';
import { SUPERVISION_CATALOGUES, saySupervision } from './supervision-text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const [name, catalogues] of [
  ['recovery', RECOVERY_CATALOGUES],
  ['supervision', SUPERVISION_CATALOGUES],
] as const) {
  describe(`${name} text`, () => {
    it('has every key in English and French, non-empty, with the same placeholders', () => {
      for (const [key, en] of Object.entries(catalogues.en)) {
        const fr = (catalogues.fr as Record<string, string>)[key];
        assert.ok(en.trim() !== '', key);
        assert.ok(fr && fr.trim() !== '', key);
        assert.deepEqual(placeholders(fr), placeholders(en), key);
      }
    });
  });
}

describe('recovery text', () => {
  it('fills placeholders in both languages', () => {
    assert.equal(
      sayRecovery('sendCodeTo', { contact: 'Email e•••@example.com', purpose: 'Unlock' }, 'en'),
      'Send a code to Email e•••@example.com for Unlock',
    );
    assert.equal(saySupervision('roleOf', { name: 'Sam' }, 'fr'), 'Rôle de Sam');
  });

  it('tells the agent to verify first when an action is refused for want of a proof', () => {
    assert.match(sayRecovery('notVerifiedError', {}, 'en'), /^Verify the customer first/);
    assert.match(sayRecovery('notVerifiedError', {}, 'fr'), /^Vérifiez d’abord le client/);
  });
});
