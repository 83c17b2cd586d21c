/**
 * On a real server: a visitor's help search told after their first message becomes one help_context
 * line of the activity trail, naming published articles only, once per conversation, and only by the
 * conversation's own visitor.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Activity } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

describe('help context from the widget', () => {
  let server: TestServer;
  let admin: string;
  const ids: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    for (const [key, published] of [
      ['public', true],
      ['draft', false],
    ] as const) {
      const res = await fetch(`${server.url}/api/v1/articles`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ title: `Colis ${key}`, body: 'Suivi du colis.', locale: 'fr', published }),
      });
      ids[key] = ((await res.json()) as { article: { id: string } }).article.id;
    }
  });
  after(() => server.close());

  it('records the search and the published articles read, once, for the agents', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const message = await visitor.sendMessage(null, 'Mon colis n’est pas arrivé');
    const conversationId = message.conversationId;
    const tell = () =>
      visitor.request({
        type: 'help.context',
        conversationId,
        query: 'colis pas arrivé',
        articleIds: [ids.public ?? '', ids.draft ?? '', 'no-such-article'],
      });
    assert.equal((await tell()).type, 'ack');
    const again = await tell();
    assert.equal(again.type === 'error' && again.code, 'conflict');

    const res = await fetch(`${server.url}/api/v1/conversations/${conversationId}/activity`, {
      headers: { cookie: admin },
    });
    const { activity } = (await res.json()) as { activity: Activity[] };
    const told = activity.filter((a) => a.kind === 'help_context');
    assert.equal(told.length, 1);
    assert.deepEqual(told[0]?.detail, {
      query: 'colis pas arrivé',
      titles: ['Colis public'],
      urls: ['/help/fr/colis-public'],
    });
    assert.equal(told[0]?.actor.type, 'visitor');
  });

  it("refuses another visitor's conversation without saying whether it exists", async () => {
    const { client: owner } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversationId } = await owner.sendMessage(null, 'Bonjour');
    const { client: other } = await TestClient.hello(server.wsUrl, 'visitor');
    const answer = await other.request({ type: 'help.context', conversationId, query: 'x', articleIds: [] });
    assert.equal(answer.type === 'error' && answer.code, 'not_found');
  });
});
