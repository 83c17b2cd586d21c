import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noticeTime, stopNotice } from './stop-notice';

describe('stop notice', () => {
  it('says what was asked and until when, in English and French, and that support never asks for a code', () => {
    const until = Date.UTC(2026, 11, 4, 14, 2);
    const n = stopNotice('change_contact', until, noticeTime);
    const text = n.paragraphs.join('\n');
    assert.match(text, /change the contact details/);
    assert.match(text, /changer les coordonnées/);
    assert.match(text, /4 December 2026 at 14:02 UTC/);
    assert.match(text, /4 décembre 2026 à 14:02 UTC/);
    assert.match(text, /never ask you for a password or a code/);
    assert.match(n.linkText, /Stop this change/);
  });
});
