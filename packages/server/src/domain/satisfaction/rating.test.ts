import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConversationRecord } from '../types';
import { decideRating } from './rating';

const conversation: ConversationRecord = {
  id: 'c1',
  inboxId: 'default',
  visitorId: 'v1',
  status: 'resolved',
  assigneeId: null,
  lastSeq: 3,
  previewEnabled: false,
  createdAt: 0,
  updatedAt: 0,
  priority: 'normal',
  teamId: null,
};
const visitor = { kind: 'visitor' as const, visitorId: 'v1' };
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('rating a conversation', () => {
  it('rates the latest resolution, with the comment trimmed', () => {
    assert.deepEqual(
      decideRating(visitor, conversation, { score: 5, comment: '  merci  ', resolutions: 2 }),
      {
        resolution: 2,
        score: 5,
        comment: 'merci',
      },
    );
  });

  it('only the visitor of a resolved conversation, 1 to 5, comment within the limit', () => {
    const rate =
      (patch: object, input: object = {}) =>
      () =>
        decideRating({ ...visitor, ...patch }, conversation, {
          score: 4,
          comment: undefined,
          resolutions: 1,
          ...input,
        });
    assert.equal(code(rate({ visitorId: 'v2' })), 'forbidden');
    assert.equal(
      code(() =>
        decideRating({ kind: 'agent', agentId: 'a', role: 'admin', inboxIds: ['default'] }, conversation, {
          score: 4,
          comment: undefined,
          resolutions: 1,
        }),
      ),
      'forbidden',
    );
    assert.equal(
      code(() =>
        decideRating(
          visitor,
          { ...conversation, status: 'open' },
          { score: 4, comment: undefined, resolutions: 1 },
        ),
      ),
      'conflict',
    );
    assert.equal(code(rate({}, { score: 0 })), 'bad_frame');
    assert.equal(code(rate({}, { score: 2.5 })), 'bad_frame');
    assert.equal(code(rate({}, { comment: 'x'.repeat(1001) })), 'too_large');
    assert.equal(code(rate({}, { comment: ` ${'x'.repeat(1000)} ` })), 'ok');
  });
});
