import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConversationRecord } from '../types';
import type { ArticleRecord } from './article';
import { decideHelpContext } from './help-context';

const conversation = { id: 'c1', visitorId: 'v1' } as ConversationRecord;
const visitor = { kind: 'visitor', visitorId: 'v1' } as const;
const article = (id: string, published = true): ArticleRecord => ({
  id,
  locale: 'fr',
  slug: `slug-${id}`,
  title: `Title ${id}`,
  body: 'x',
  category: null,
  published,
  createdAt: 0,
  updatedAt: 0,
});

describe('help context told to agents', () => {
  it('names the published articles read once each, with their help-centre pages, and the query', () => {
    const detail = decideHelpContext(visitor, conversation, {
      query: '  colis   pas arrivé ',
      articles: [article('a'), article('b', false), undefined, article('a')],
      alreadySaid: false,
    });
    assert.deepEqual(detail, { query: 'colis pas arrivé', titles: ['Title a'], urls: ['/help/fr/slug-a'] });
  });

  it('is said only by the conversation’s visitor, once, and not empty', () => {
    const input = { query: 'refund', articles: [], alreadySaid: false };
    const other = { kind: 'visitor', visitorId: 'v2' } as const;
    assert.throws(() => decideHelpContext(other, conversation, input), { code: 'forbidden' });
    const agent = { kind: 'agent', agentId: 'a', role: 'agent', inboxIds: [] } as const;
    assert.throws(() => decideHelpContext(agent, conversation, input), { code: 'forbidden' });
    assert.throws(() => decideHelpContext(visitor, conversation, { ...input, alreadySaid: true }), {
      code: 'conflict',
    });
    assert.throws(() => decideHelpContext(visitor, conversation, { ...input, query: ' ' }), {
      code: 'bad_frame',
    });
  });
});
