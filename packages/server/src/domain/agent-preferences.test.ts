import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PREFERENCES, readPreferences } from './agent-preferences';

describe('readPreferences', () => {
  it('gives the defaults (everything on) when nothing was stored', () => {
    assert.deepEqual(readPreferences(undefined), DEFAULT_PREFERENCES);
    assert.deepEqual(readPreferences(null), DEFAULT_PREFERENCES);
    assert.deepEqual(readPreferences('junk'), DEFAULT_PREFERENCES);
    assert.equal(DEFAULT_PREFERENCES.sound && DEFAULT_PREFERENCES.notify.assigned, true);
  });

  it('keeps what was stored', () => {
    const stored = {
      notify: { newConversation: false, newMessage: true, assigned: false },
      sound: false,
      desktop: true,
    };
    assert.deepEqual(readPreferences(stored), stored);
  });

  it('takes the default for each field missing or of the wrong type, and drops unknown ones', () => {
    const read = readPreferences({ notify: { newMessage: 'no', assigned: false }, sound: 0, extra: true });
    assert.deepEqual(read, {
      notify: { newConversation: true, newMessage: true, assigned: false },
      sound: true,
      desktop: true,
    });
  });
});
