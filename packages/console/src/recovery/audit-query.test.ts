import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry } from '@candor/protocol';
import { actionText, appendPage, auditPath, detailText } from './audit-query';

function entry(id: string): AuditEntry {
  return {
    id,
    at: 1,
    actor: { type: 'agent', id: 'a1', name: 'Ada' },
    action: 'recovery.code.sent',
    conversationId: 'c1',
    accountId: 'acct-1',
    detail: {},
  };
}

describe('audit query', () => {
  it('reads all conversations, or one, page by page', () => {
    assert.equal(auditPath({}), '/api/v1/audit?limit=50');
    assert.equal(auditPath({ conversationId: '  c 1 ' }), '/api/v1/audit?limit=50&conversationId=c+1');
    assert.equal(auditPath({ conversationId: '', cursor: 'abc' }), '/api/v1/audit?limit=50&cursor=abc');
  });

  it('shows an entry’s detail as plain pairs, nulls left out', () => {
    assert.equal(
      detailText({ purpose: 'unlock', outcome: 'wrong', masked: 'e•••@example.com', note: null, tries: 2 }),
      'masked: e•••@example.com · outcome: wrong · purpose: unlock · tries: 2',
    );
    assert.equal(actionText('recovery.action.approved'), 'recovery action approved');
  });

  it('joins a further page without repeating an entry', () => {
    assert.deepEqual(
      appendPage([entry('1'), entry('2')], [entry('2'), entry('3')]).map((e) => e.id),
      ['1', '2', '3'],
    );
  });
});
