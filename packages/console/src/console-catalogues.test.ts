import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_CATALOGUES } from './admin-text';
import { AGENTS_CATALOGUES } from './agents-text';
import { CONVERSATION_CATALOGUES, priorityLabel } from './conversation-text';
import { INBOX_CATALOGUES } from './inbox-text';
import { SHELL_CATALOGUES, sayShell } from './shell-text';
import type { ConsoleLang } from './console-text';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const [name, catalogues] of [
  ['shell', SHELL_CATALOGUES],
  ['inbox', INBOX_CATALOGUES],
  ['conversation', CONVERSATION_CATALOGUES],
  ['agents', AGENTS_CATALOGUES],
  ['admin', ADMIN_CATALOGUES],
] as const) {
  describe(`${name} text`, () => {
    const en: Record<string, string> = catalogues.en;
    const fr: Record<string, string> = catalogues.fr;

    it('has every key in English and French, non-empty, with the same placeholders', () => {
      assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const french = fr[key];
        assert.ok(text.trim() !== '', key);
        assert.ok(french && french.trim() !== '', key);
        assert.deepEqual(placeholders(french), placeholders(text), key);
      }
    });

    // French typography: a non-breaking space before : ; ? ! and a curly apostrophe, never a plain one.
    it('writes French the French way', () => {
      for (const [key, text] of Object.entries(fr)) {
        assert.doesNotMatch(text, /[^\u00a0][;?!]|\S:(?!\/)|[ ][:;?!]/u, `${key}: ${text}`);
        assert.doesNotMatch(text, /'/, `${key}: ${text}`);
      }
    });
  });
}

describe('console words in use', () => {
  it('says the core controls in the console’s language', () => {
    const words = (lang: ConsoleLang) => [
      CONVERSATION_CATALOGUES[lang].assignToMe,
      CONVERSATION_CATALOGUES[lang].resolve,
      INBOX_CATALOGUES[lang].take,
      sayShell('desktopAsk', {}, lang),
    ];
    assert.deepEqual(words('en'), [
      'Assign to me',
      'Resolve',
      'Take',
      'Get a desktop notification for new conversations and messages?',
    ]);
    assert.deepEqual(words('fr'), [
      'M’attribuer',
      'Résoudre',
      'Prendre',
      'Recevoir une notification de bureau pour les nouvelles conversations et les nouveaux messages\u00a0?',
    ]);
    assert.equal(sayShell('errorTooLarge', { max: 10 }, 'fr'), 'Trop long\u00a0: 10 caractères au plus.');
    assert.equal(priorityLabel('urgent'), 'Urgent');
  });
});
