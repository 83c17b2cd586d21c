/** Visitor and agent talk through a real server over real WebSockets. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

describe('live chat between a visitor and an agent', () => {
  let server: TestServer;
  let cookie: string;
  before(async () => {
    server = await startTestServer();
    cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('a first-time visitor gets a token, and the same token finds the same visitor again', async () => {
    const first = await TestClient.hello(server.wsUrl, 'visitor');
    const token = first.welcome.visitor?.token;
    assert.ok(token, 'a new visitor receives a token');
    first.client.close();
    const again = await TestClient.hello(server.wsUrl, 'visitor', { visitorToken: token });
    assert.equal(again.welcome.visitor?.id, first.welcome.visitor?.id);
    assert.notEqual(again.welcome.visitor?.token, token, 'the token used is replaced');
    again.client.close();
  });

  it("a visitor's message reaches the agent inbox live, and the agent's reply reaches the visitor", async () => {
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    agent.send({ type: 'inbox.subscribe', ref: 'inbox' });
    await agent.next('inbox.snapshot');

    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const sent = await visitor.sendMessage(null, '  Where is my order?  ');
    assert.equal(sent.seq, 1);
    assert.equal(sent.body, 'Where is my order?', 'surrounding whitespace is trimmed');

    const update = await agent.next('conversation.updated');
    assert.equal(update.conversation.id, sent.conversationId);
    assert.equal(update.conversation.lastMessage?.preview, 'Where is my order?');
    assert.equal(update.conversation.status, 'open');

    visitor.send({ type: 'conversation.subscribe', conversationId: sent.conversationId, afterSeq: 0 });
    const visitorHistory = await visitor.next('conversation.history');
    assert.deepEqual(
      visitorHistory.messages.map((m) => m.body),
      ['Where is my order?'],
    );

    agent.send({ type: 'conversation.subscribe', conversationId: sent.conversationId, afterSeq: 0 });
    const agentHistory = await agent.next('conversation.history');
    assert.equal(agentHistory.messages.length, 1);
    assert.equal(agentHistory.conversation.unread, 1, 'the unread visitor message is counted');

    const reply = await agent.sendMessage(sent.conversationId, 'It ships tomorrow.');
    assert.equal(reply.seq, 2);
    assert.equal(reply.author.type, 'agent');
    const live = await visitor.next('message.created');
    assert.equal(live.message.body, 'It ships tomorrow.');
    assert.equal(live.message.author.name, 'Admin');

    const assigned = await agent.next('conversation.updated');
    assert.equal(
      assigned.conversation.assigneeId,
      reply.author.id,
      'replying takes an unassigned conversation',
    );
    visitor.close();
    agent.close();
  });

  it('typing indicators go both ways, never back to the typer', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Hello');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie });
    for (const c of [visitor, agent]) {
      c.send({ type: 'conversation.subscribe', conversationId: first.conversationId, afterSeq: 0 });
      await c.next('conversation.history');
    }
    visitor.send({ type: 'typing.update', conversationId: first.conversationId, typing: true });
    const seenByAgent = await agent.next('typing.updated');
    assert.equal(seenByAgent.author.type, 'visitor');
    assert.equal(seenByAgent.typing, true);

    agent.send({ type: 'typing.update', conversationId: first.conversationId, typing: true });
    const seenByVisitor = await visitor.next('typing.updated');
    assert.equal(seenByVisitor.author.type, 'agent');
    assert.equal(
      visitor.frames.some((f) => f.type === 'typing.updated' && f.author.type === 'visitor'),
      false,
      'the visitor never receives their own typing',
    );
    visitor.close();
    agent.close();
  });

  it('an agent resolves and reopens; the visitor sees both and writing into a resolved chat reopens it', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Thanks, all good');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie });

    const statusUpdate = (status: string) =>
      visitor.waitFor(
        (f): f is Extract<typeof f, { type: 'conversation.updated' }> =>
          f.type === 'conversation.updated' && f.conversation.status === status,
      );
    await visitor.next('conversation.updated'); // from the visitor's own message

    const resolved = await agent.request({
      type: 'conversation.resolve',
      conversationId: first.conversationId,
    });
    assert.equal(resolved.type === 'ack' && resolved.conversation?.status, 'resolved');
    await statusUpdate('resolved');

    const reopened = await agent.request({
      type: 'conversation.reopen',
      conversationId: first.conversationId,
    });
    assert.equal(reopened.type === 'ack' && reopened.conversation?.status, 'open');
    await statusUpdate('open');

    await agent.request({ type: 'conversation.resolve', conversationId: first.conversationId });
    await statusUpdate('resolved');
    const again = await visitor.sendMessage(first.conversationId, 'One more question');
    assert.equal(again.conversationId, first.conversationId);
    await statusUpdate('open');
    visitor.close();
    agent.close();
  });
});
