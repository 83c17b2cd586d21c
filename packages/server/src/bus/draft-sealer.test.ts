import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DraftSealer } from './draft-sealer';

describe('draft sealing between nodes', () => {
  const sealer = new DraftSealer(randomBytes(32));
  it('opens what it sealed, and the sealed form does not contain the text', () => {
    const sealed = sealer.seal('my unsent words');
    assert.equal(sealed.includes('unsent'), false);
    assert.equal(sealer.open(sealed), 'my unsent words');
  });
  it('seals the same text differently each time', () => {
    assert.notEqual(sealer.seal('same'), sealer.seal('same'));
  });
  it('refuses a payload sealed with another key or altered on the way', () => {
    const sealed = sealer.seal('secret');
    assert.equal(new DraftSealer(randomBytes(32)).open(sealed), undefined);
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    assert.equal(sealer.open(bytes.toString('base64')), undefined);
    assert.equal(sealer.open('short'), undefined);
  });
});
