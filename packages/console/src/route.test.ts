import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, pathFor } from './route';

describe('routes', () => {
  it('reads the inbox, a conversation deep link and the admin page', () => {
    assert.deepEqual(parseRoute('/console'), { page: 'inbox', conversationId: null });
    assert.deepEqual(parseRoute('/console/'), { page: 'inbox', conversationId: null });
    assert.deepEqual(parseRoute('/console/conversations/c%2F1'), { page: 'inbox', conversationId: 'c/1' });
    assert.deepEqual(parseRoute('/console/admin'), { page: 'admin' });
    assert.deepEqual(parseRoute('/console/ratings'), { page: 'ratings' });
  });

  it('reads the approvals page and the audit trail, of all conversations or one', () => {
    assert.deepEqual(parseRoute('/console/approvals'), { page: 'approvals' });
    assert.deepEqual(parseRoute('/console/audit'), { page: 'audit', conversationId: null });
    assert.deepEqual(parseRoute('/console/audit/c%2F1'), { page: 'audit', conversationId: 'c/1' });
  });

  it('reads the integrations page (API tokens and webhooks) and writes it back', () => {
    assert.deepEqual(parseRoute('/console/admin/integrations'), { page: 'integrations' });
    assert.deepEqual(parseRoute('/console/admin/integrations/'), { page: 'integrations' });
    assert.equal(pathFor({ page: 'integrations' }), '/console/admin/integrations');
  });

  it('falls back to the inbox for unknown paths', () => {
    assert.deepEqual(parseRoute('/console/whatever/else'), { page: 'inbox', conversationId: null });
  });

  it('opens the inbox for a malformed % escape instead of throwing', () => {
    for (const path of [
      '/console/conversations/%E0%A4%A',
      '/console/conversations/%',
      '/console/conversations/%zz',
    ]) {
      assert.deepEqual(parseRoute(path), { page: 'inbox', conversationId: null });
    }
  });

  it('round-trips paths', () => {
    for (const route of [
      { page: 'admin' } as const,
      { page: 'ratings' } as const,
      { page: 'inbox', conversationId: 'x y' } as const,
      { page: 'approvals' } as const,
      { page: 'audit', conversationId: null } as const,
      { page: 'audit', conversationId: 'a b' } as const,
    ]) {
      assert.deepEqual(parseRoute(pathFor(route)), route);
    }
  });
});
