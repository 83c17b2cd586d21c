/**
 * What agents see of a conversation's routing on a real server: priority, team and required skills in
 * their views and live (routing.updated), filterable by team; never on a visitor's socket.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Conversation, ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('routing in agents’ views', () => {
  let server: TestServer;
  let admin: string;
  const api = async <T = unknown>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', cookie: admin },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
    return (await res.json()) as T;
  };

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('sets required skills from REST; agents see them, the priority and the team live and in lists; the visitor never does', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversationId } = await visitor.sendMessage(null, 'Hallo, ich brauche Hilfe');
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await visitor.next('conversation.history');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    agent.send({ type: 'inbox.subscribe' });
    await agent.next('inbox.snapshot');

    const set = await api<{ conversation: Conversation }>(`/api/v1/conversations/${conversationId}/skills`, {
      method: 'POST',
      body: { skills: ['german', 'billing-de'] },
    });
    assert.equal(set.conversation.id, conversationId);
    const skills = await agent.next('routing.updated');
    assert.deepEqual(skills, {
      type: 'routing.updated',
      conversationId,
      priority: 'normal',
      teamId: null,
      requiredSkills: ['german', 'billing-de'],
    });
    await api(`/api/v1/conversations/${conversationId}/priority`, {
      method: 'POST',
      body: { priority: 'high' },
    });
    assert.equal((await agent.next('routing.updated')).priority, 'high');
    const { team } = await api<{ team: { id: string } }>('/api/v1/teams', {
      method: 'POST',
      body: { name: 'Deutsch' },
    });
    await api(`/api/v1/conversations/${conversationId}/transfer`, {
      method: 'POST',
      body: { toTeamId: team.id, note: 'needs German' },
    });
    // What a team member's console turns into "transferred to your team" (console live/notify-rules.ts).
    const told = await agent.next('conversation.transferred');
    assert.deepEqual([told.toTeamId, told.toAgentId], [team.id, null]);
    const moved = await agent.next('routing.updated');
    assert.deepEqual([moved.teamId, moved.requiredSkills], [team.id, ['german', 'billing-de']]);

    const listed = await api<{ conversations: Conversation[] }>(`/api/v1/conversations?team=${team.id}`);
    assert.deepEqual(
      listed.conversations.map((c) => [c.id, c.priority, c.teamId, c.requiredSkills]),
      [[conversationId, 'high', team.id, ['german', 'billing-de']]],
    );
    const snapshot = await (async () => {
      agent.send({ type: 'inbox.subscribe' });
      return agent.next('inbox.snapshot');
    })();
    const inSnapshot = snapshot.conversations.find((c) => c.id === conversationId);
    assert.deepEqual(inSnapshot?.requiredSkills, ['german', 'billing-de']);

    // The visitor heard of the handover, and nothing of skills, priority or team.
    await visitor.next('conversation.handed_over');
    const routing = visitor.frames.filter((f: ServerFrame) => f.type === 'routing.updated');
    assert.deepEqual(routing, []);
    assert.doesNotMatch(JSON.stringify(visitor.frames), /german|requiredSkills|Deutsch|needs German/);
    visitor.close();
    agent.close();
  });

  it('refuses skills that are not labels, and a conversation the agent cannot see', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { conversationId } = await visitor.sendMessage(null, 'Hi');
    const post = (id: string, body: unknown) =>
      fetch(`${server.url}/api/v1/conversations/${id}/skills`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin },
        body: JSON.stringify(body),
      });
    assert.equal((await post(conversationId, { skills: [''] })).status, 400);
    assert.equal((await post(conversationId, { skills: Array(11).fill('x') })).status, 400);
    assert.equal((await post('no-such-conversation', { skills: ['x'] })).status, 404);
    visitor.close();
  });
});
