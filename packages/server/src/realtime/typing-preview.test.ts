/** The honest typing preview, server side: consent first, the right agents only, never stored. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { ServerFrame } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';

type Drafts = Extract<ServerFrame, { type: 'draft.updated' }>;
const isDraft = (f: ServerFrame): f is Drafts => f.type === 'draft.updated';
const settle = () => new Promise((r) => setTimeout(r, 400)); // longer than one coalescing interval

describe('typing preview', () => {
  let server: TestServer;
  let admin: string;
  let logs = '';
  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        logs += chunk.toString();
        done();
      },
    });
    // The canary test types a thousand drafts in a second: far above the default frame limit.
    server = await startTestServer(
      { frameRate: { perSecond: 5000, burst: 5000 } },
      pino({ level: 'trace' }, sink),
    );
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  /** An admin sets the default inbox's typing preview policy. */
  const patch = (previewPolicy: string) =>
    fetch(`${server.url}/api/v1/inboxes/default`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ previewPolicy }),
    });

  /** A visitor with a conversation, and the admin (assignee after replying) watching it. */
  async function chat(options: { assign?: boolean } = {}) {
    const { client: visitor, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Hi');
    const conversationId = first.conversationId;
    visitor.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await visitor.next('conversation.history');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    agent.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await agent.next('conversation.history');
    if (options.assign !== false) await agent.sendMessage(conversationId, 'Hello, how can I help?');
    const enable = (enabled = true, noticeShown = true) =>
      visitor.request({ type: 'preview.set', conversationId, enabled, noticeShown });
    const draft = (text: string) => visitor.send({ type: 'draft.update', conversationId, text });
    return { visitor, token: welcome.visitor?.token, agent, conversationId, enable, draft };
  }

  it('relays nothing until the visitor, shown the notice, turns the preview on', async () => {
    const { visitor, agent, enable, draft } = await chat();
    draft('before consent');
    assert.equal((await visitor.next('error')).code, 'forbidden');
    const withoutNotice = await enable(true, false);
    assert.equal(withoutNotice.type === 'error' && withoutNotice.code, 'bad_frame');
    const on = await enable();
    assert.equal(on.type === 'ack' && on.conversation?.preview.enabled, true);
    draft('where is my parcel');
    assert.equal((await agent.waitFor(isDraft)).text, 'where is my parcel');
    assert.equal(
      agent.frames.some((f) => isDraft(f) && f.text === 'before consent'),
      false,
    );
    visitor.close();
    agent.close();
  });

  it('coalesces a burst of keystrokes: few relays, and the latest text always arrives', async () => {
    const { visitor, agent, enable, draft } = await chat();
    await enable();
    const text = 'Change my delivery address'; // 26 keystrokes in one burst, within the frame limit
    for (let i = 1; i <= text.length; i++) draft(text.slice(0, i));
    await settle();
    const relayed = agent.frames.filter(isDraft);
    assert.equal(relayed.at(-1)?.text, text);
    assert.ok(relayed.length <= 5, `${relayed.length} relays for ${text.length} keystrokes`);
    visitor.close();
    agent.close();
  });

  it('reaches the assignee and watching admins only, never another agent', async () => {
    const created = await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bob-${Date.now()}@example.test`,
        name: 'Bob',
        password: 'bob-password-long',
      }),
    });
    const bob = ((await created.json()) as { agent: { email: string } }).agent;
    const { visitor, agent, conversationId, enable, draft } = await chat();
    const { client: other } = await TestClient.hello(server.wsUrl, 'agent', {
      cookie: await logIn(server.url, bob.email, 'bob-password-long'),
    });
    other.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await other.next('conversation.history');
    await enable();
    draft('for the assignee only');
    assert.equal((await agent.waitFor(isDraft)).text, 'for the assignee only');
    await settle();
    assert.equal(other.frames.some(isDraft), false);
    assert.equal(visitor.frames.some(isDraft), false, 'the visitor is not sent their own draft');
    visitor.close();
    agent.close();
    other.close();
  });

  it('an admin who opens the conversation mid-draft sees the draft at once, without a new keystroke', async () => {
    const { visitor, agent, conversationId, enable, draft } = await chat();
    await enable();
    draft('my account is locked');
    assert.equal((await agent.waitFor(isDraft)).text, 'my account is locked');
    const { client: late } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    late.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
    await late.next('conversation.history');
    assert.equal((await late.waitFor(isDraft)).text, 'my account is locked');
    assert.equal(visitor.frames.some(isDraft), false, 'the visitor is not sent their own draft');
    visitor.close();
    agent.close();
    late.close();
  });

  it('switching off clears the agent view at once and stops relaying; the consent trail is kept', async () => {
    const { visitor, agent, conversationId, enable, draft } = await chat();
    await enable();
    draft('half a sentence');
    assert.equal((await agent.waitFor(isDraft)).text, 'half a sentence');
    const off = await enable(false);
    assert.equal(off.type === 'ack' && off.conversation?.preview.enabled, false);
    assert.equal((await agent.waitFor(isDraft)).text, '', 'the agent view is cleared');
    draft('after switching off');
    assert.equal((await visitor.next('error')).code, 'forbidden');
    await settle();
    assert.equal(
      agent.frames.some((f) => isDraft(f) && f.text !== ''),
      false,
    );
    const trail = await server.store.listConsents(conversationId);
    assert.deepEqual(
      trail.map((c) => [c.enabled, c.noticeShown, c.policy]),
      [
        [true, true, 'on_with_notice'],
        [false, true, 'on_with_notice'],
      ],
    );
    visitor.close();
    agent.close();
  });

  it('clears the draft when the visitor sends it or leaves', async () => {
    const { visitor, agent, conversationId, enable, draft } = await chat();
    await enable();
    draft('almost done');
    await agent.waitFor(isDraft);
    await visitor.sendMessage(conversationId, 'almost done');
    assert.equal((await agent.waitFor(isDraft)).text, '');
    draft('again');
    await agent.waitFor(isDraft);
    visitor.ws.terminate();
    assert.equal((await agent.waitFor(isDraft)).text, '');
    agent.close();
  });

  it('an admin setting the inbox policy to off stops drafts and refuses turning it on', async () => {
    const { visitor, agent, enable, draft } = await chat();
    await enable();
    try {
      assert.equal((await patch('off')).status, 200);
      draft('while the policy is off');
      assert.equal((await visitor.next('error')).code, 'forbidden');
      const refused = await enable();
      assert.equal(refused.type === 'error' && refused.code, 'forbidden');
      await settle();
      assert.equal(agent.frames.some(isDraft), false);
    } finally {
      await patch('on_with_notice');
    }
    visitor.close();
    agent.close();
  });

  it('an admin turning the policy off clears a draft the agent is being shown', async () => {
    const { visitor, agent, enable, draft } = await chat();
    await enable();
    draft('a draft on screen');
    const shown = await agent.next('draft.updated');
    assert.equal(shown.text, 'a draft on screen');
    try {
      assert.equal((await patch('off')).status, 200);
      assert.equal((await agent.next('draft.updated')).text, '', "the agent's view is cleared");
    } finally {
      await patch('on_with_notice');
    }
    visitor.close();
    agent.close();
  });

  it('tightening on_with_notice to opt_in stops previews on by default until the visitor opts in, and tells the widget at once', async () => {
    const { visitor, token, agent, conversationId, enable, draft } = await chat();
    await enable();
    draft('shown while on by default');
    assert.equal((await agent.waitFor(isDraft)).text, 'shown while on by default');
    try {
      assert.equal((await patch('opt_in')).status, 200);
      // The widget is told without asking: the notice and the switch follow.
      const told = await visitor.next('preview.updated');
      assert.deepEqual(told, {
        type: 'preview.updated',
        conversationId,
        preview: { policy: 'opt_in', enabled: false },
      });
      assert.equal(
        (await agent.waitFor((f): f is Drafts => isDraft(f) && f.text === '')).text,
        '',
        "the agent's view is cleared",
      );
      draft('typed after the change');
      assert.equal((await visitor.next('error')).code, 'forbidden');
      // A reconnecting widget reads the same state from the store.
      const { client: again } = await TestClient.hello(server.wsUrl, 'visitor', {
        visitorToken: token ?? '',
      });
      again.send({ type: 'conversation.subscribe', conversationId, afterSeq: 0 });
      assert.deepEqual((await again.next('conversation.history')).conversation.preview, {
        policy: 'opt_in',
        enabled: false,
      });
      again.close();
      // Opting in under the new policy turns it back on, and is recorded as such.
      const on = await enable();
      assert.equal(on.type === 'ack' && on.conversation?.preview.enabled, true);
      draft('typed after opting in');
      assert.equal(
        (await agent.waitFor((f): f is Drafts => isDraft(f) && f.text !== '')).text,
        'typed after opting in',
      );
      const trail = await server.store.listConsents(conversationId);
      assert.deepEqual(
        trail.map((c) => [c.policy, c.enabled]),
        [
          ['on_with_notice', true],
          ['opt_in', false],
          ['opt_in', true],
        ],
      );
    } finally {
      await patch('on_with_notice');
    }
    visitor.close();
    agent.close();
  });

  it('never stores or logs a draft: a canary typed a thousand times is found nowhere', async () => {
    const { visitor, agent, enable, draft } = await chat();
    await enable();
    const canary = 'QZX-canary-draft-kiwi'; // no digits: drafts mask long digit runs
    for (let i = 0; i < 1000; i++) {
      draft(`${canary} ${i}`);
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 10)); // fast typing, not one flood
    }
    await settle();
    assert.ok(
      agent.frames.some((f) => isDraft(f) && f.text.startsWith(canary)),
      'drafts were relayed',
    );
    draft('');
    await settle();
    for (const file of readdirSync(server.dataDir)) {
      const bytes = readFileSync(join(server.dataDir, file));
      assert.equal(bytes.includes(canary), false, `${file} holds no draft`);
    }
    assert.equal(logs.includes(canary), false, 'the logs hold no draft');
    visitor.close();
    agent.close();
  });
});
