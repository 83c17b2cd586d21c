import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localTime, shortUrl, verificationBadge, verificationText } from './contact-text';

describe('contact text', () => {
  it("shows the visitor's local time in their zone", () => {
    const noonUtc = Date.UTC(2026, 0, 15, 12, 0);
    assert.equal(localTime('Asia/Tokyo', noonUtc, 'en-GB'), '21:00 (Asia/Tokyo)');
    assert.equal(localTime('America/Toronto', noonUtc, 'en-GB'), '07:00 (America/Toronto)');
  });

  it('says nothing for a zone this browser does not know', () => {
    assert.equal(localTime('Mars/Olympus_Mons', 0), null);
  });

  it('words each level, signed apart from merely typed', () => {
    assert.notEqual(verificationText('signed', 'en'), verificationText('self_declared', 'en'));
    assert.match(verificationText('self_declared', 'en'), /not verified/);
    assert.match(verificationText('self_declared', 'fr'), /non vérifié/);
  });

  it('drops the scheme of a page address', () => {
    assert.equal(shortUrl('https://shop.test/cart'), 'shop.test/cart');
  });

  it('labels the inbox row’s verification badge in English and French', () => {
    assert.deepEqual(verificationBadge('signed', 'en'), {
      text: 'Signed by site',
      label: 'Identity: Signed by site',
    });
    assert.deepEqual(verificationBadge('self_declared', 'fr'), {
      text: 'Déclaré',
      label: 'Identité : Déclaré',
    });
    assert.equal(verificationBadge('anonymous', 'en').label, 'Identity: Anonymous');
  });
});
