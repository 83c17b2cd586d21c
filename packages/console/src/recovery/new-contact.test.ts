import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changeContactBody } from './new-contact';

describe('new contact of a change request', () => {
  it('builds the request body from a valid email or phone, trimmed', () => {
    assert.deepEqual(changeContactBody('email', '  new@example.com '), {
      ok: true,
      body: { action: 'change_contact', newContact: { channel: 'email', value: 'new@example.com' } },
    });
    assert.deepEqual(changeContactBody('phone', '+33 6 12 34 56 78'), {
      ok: true,
      body: { action: 'change_contact', newContact: { channel: 'phone', value: '+33 6 12 34 56 78' } },
    });
  });

  it('refuses what is not an email or a phone number, with the words for that field', () => {
    assert.deepEqual(changeContactBody('email', 'not an email'), { ok: false, error: 'newContactEmail' });
    assert.deepEqual(changeContactBody('email', ''), { ok: false, error: 'newContactEmail' });
    assert.deepEqual(changeContactBody('phone', 'call me'), { ok: false, error: 'newContactPhone' });
    assert.deepEqual(changeContactBody('phone', '12345'), { ok: false, error: 'newContactPhone' });
    assert.deepEqual(changeContactBody('phone', '+1234567890123456'), {
      ok: false,
      error: 'newContactPhone',
    });
    assert.deepEqual(changeContactBody('email', `${'a'.repeat(250)}@example.com`), {
      ok: false,
      error: 'newContactEmail',
    });
  });
});
