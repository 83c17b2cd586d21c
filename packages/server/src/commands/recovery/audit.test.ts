import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditId } from './audit';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('audit entry ids', () => {
  it('are UUIDv7 that sort in the order entries were written, within one millisecond too', () => {
    const at = Date.UTC(2026, 11, 3, 14, 2);
    const written = [auditId(at), auditId(at), auditId(at), auditId(at + 1), auditId(at + 1)];
    for (const id of written) assert.match(id, UUID_V7);
    assert.deepEqual([...written].sort(), written);
    assert.equal(new Set(written).size, written.length);
  });
});
