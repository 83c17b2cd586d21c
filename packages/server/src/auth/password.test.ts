import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generatePassword, hashPassword, verifyPassword } from './password';

describe('password hashes', () => {
  it('verify the right password only, and never contain it', async () => {
    const hash = await hashPassword('correct horse battery staple', 10);
    assert.equal(hash.includes('correct'), false);
    assert.equal(await verifyPassword('correct horse battery staple', hash), true);
    assert.equal(await verifyPassword('correct horse battery stapler', hash), false);
  });
  it('are salted: the same password hashes differently each time', async () => {
    assert.notEqual(await hashPassword('same', 10), await hashPassword('same', 10));
  });
  it('reject malformed stored hashes instead of throwing', async () => {
    assert.equal(await verifyPassword('x', 'md5$abc'), false);
  });
  it('generates long random passwords', () => {
    assert.ok(generatePassword().length >= 32);
    assert.notEqual(generatePassword(), generatePassword());
  });
});
