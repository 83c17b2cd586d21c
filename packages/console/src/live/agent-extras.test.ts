import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROTOCOL_VERSION } from '@candor/protocol';
import type { Activity, Agent, Conversation, Message, Note } from '@candor/protocol';
import { addActivity, addNotes, describeActivity, interleave, noExtras } from './agent-extras';
import { LiveSession } from './session';
import { FakeSocket, ManualTimers } from './test-fakes';
import { applySnapshot, knownTags, listTab } from './inbox-state';

const note = (id: string, createdAt: number): Note => ({
  id,
  conversationId: 'c1',
  author: { type: 'agent', id: 'a2', name: 'Bob' },
  body: `note ${id}`,
  createdAt,
});
const act = (id: string, createdAt: number, over: Partial<Activity> = {}): Activity => ({
  id,
  conversationId: 'c1',
  kind: 'resolved',
  actor: { type: 'agent', id: 'a2', name: 'Bob' },
  detail: {},
  createdAt,
  ...over,
});
const msg = (seq: number, createdAt: number): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  author: { type: 'visitor', id: 'v', name: 'Fox' },
  body: `m${seq}`,
  clientKey: null,
  createdAt,
});

describe('agent extras (notes and activity)', () => {
  it('merges by id whatever the order, and keeps its identity when nothing is new', () => {
    const once = addNotes(noExtras, [note('b', 20), note('a', 10)]);
    assert.deepEqual(
      once.notes.map((n) => n.id),
      ['a', 'b'],
    );
    assert.equal(addNotes(once, [note('a', 10)]), once, 'a live frame after the REST read changes nothing');
    const both = addActivity(once, [act('x', 15)]);
    assert.equal(both.notes, once.notes);
  });

  it('places notes and trail lines among messages by time, messages staying in seq order', () => {
    const extras = addActivity(addNotes(noExtras, [note('n', 15)]), [act('x', 25), act('y', 5)]);
    const items = interleave([msg(1, 10), msg(2, 20), msg(3, 30)], extras);
    assert.deepEqual(
      items.map((i) => i.key),
      ['a:y', 'm:1', 'n:n', 'm:2', 'a:x', 'm:3'],
    );
    assert.deepEqual(
      interleave([msg(1, 10)], noExtras).map((i) => i.key),
      ['m:1'],
    );
  });

  it('reads the trail as short lines, "You" for the reader', () => {
    assert.equal(describeActivity(act('x', 1), 'a2'), 'You resolved this conversation');
    assert.equal(
      describeActivity(act('x', 1, { kind: 'assigned', detail: { agentId: 'a3', agentName: 'Cy' } }), 'me'),
      'Bob assigned this to Cy',
    );
    assert.equal(
      describeActivity(act('x', 1, { kind: 'assigned', detail: { agentId: 'a2', agentName: 'Bob' } }), 'me'),
      'Bob took this conversation',
    );
    assert.equal(
      describeActivity(act('x', 1, { kind: 'tagged', detail: { tags: ['vip', 'billing'] } }), 'me'),
      'Bob added the tags vip, billing',
    );
    assert.equal(
      describeActivity(act('x', 1, { kind: 'untagged', detail: { tags: ['vip'] } }), 'me'),
      'Bob removed the tag vip',
    );
    assert.equal(
      describeActivity(
        act('x', 1, {
          kind: 'transferred',
          detail: { toAgentName: 'Cy', toTeamName: null, note: 'VIP, be kind' },
        }),
        'me',
      ),
      'Bob transferred this to Cy: “VIP, be kind”',
    );
  });
});

describe('live session: notes, activity and tags', () => {
  const me: Agent = {
    id: 'a1',
    email: 'me@example.com',
    name: 'Me',
    role: 'agent',
    active: true,
    createdAt: 0,
  };
  const conv = (over: Partial<Conversation> = {}): Conversation => ({
    id: 'c1',
    inboxId: 'default',
    status: 'open',
    visitorId: 'v1',
    visitorName: 'Fox',
    assigneeId: null,
    assigneeName: null,
    lastSeq: 1,
    lastMessage: null,
    createdAt: 1,
    updatedAt: 1,
    preview: { policy: 'on_with_notice', enabled: true },
    ...over,
  });
  let session: LiveSession;
  let loads: string[];
  let socket: FakeSocket;

  beforeEach(() => {
    FakeSocket.all = [];
    loads = [];
    session = new LiveSession({
      url: 'ws://test',
      socket: FakeSocket,
      me,
      timers: new ManualTimers(),
      loadExtras: (id) => {
        loads.push(id);
        return Promise.resolve({ notes: [note('stored', 5)], activity: [act('trail', 6)] });
      },
    });
    session.start();
    socket = FakeSocket.last;
    socket.serverOpen();
    socket.serverSend({
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: 'agent',
      agent: me,
      conversations: [],
      serverTime: 1,
    });
    socket.serverSend({ type: 'inbox.snapshot', conversations: [conv({ tags: ['vip'] })] });
  });

  it('reads notes and the trail once the stream is live, and merges live frames without duplicates', async () => {
    session.open('c1');
    assert.deepEqual(loads, [], 'not before the subscription answered');
    const ref = socket.sentOfType('conversation.subscribe')[0]?.ref;
    socket.serverSend({
      type: 'conversation.history',
      ref,
      conversation: conv(),
      messages: [msg(1, 1)],
      complete: true,
    });
    assert.deepEqual(loads, ['c1']);
    await Promise.resolve();
    await Promise.resolve();
    socket.serverSend({ type: 'note.created', note: note('stored', 5) });
    socket.serverSend({ type: 'note.created', note: note('live', 7) });
    socket.serverSend({ type: 'activity.recorded', activity: act('trail2', 8) });
    const extras = session.getState().extras.c1;
    assert.deepEqual(
      extras?.notes.map((n) => n.id),
      ['stored', 'live'],
    );
    assert.deepEqual(
      extras?.activity.map((a) => a.id),
      ['trail', 'trail2'],
    );
  });

  it('keeps tags across updates that do not carry them, and takes tags.updated', () => {
    socket.serverSend({
      type: 'conversation.updated',
      conversation: conv({ updatedAt: 2, status: 'resolved' }),
    });
    assert.deepEqual(session.getState().inbox.c1?.tags, ['vip']);
    socket.serverSend({ type: 'tags.updated', conversationId: 'c1', tags: ['billing'] });
    assert.deepEqual(session.getState().inbox.c1?.tags, ['billing']);
    assert.equal(session.getState().inbox.c1?.status, 'resolved');
  });
});

describe('inbox tag filter', () => {
  const entry = (id: string, tags?: string[]): Conversation => ({
    id,
    inboxId: 'default',
    status: 'open',
    visitorId: `v-${id}`,
    visitorName: id,
    assigneeId: null,
    assigneeName: null,
    lastSeq: 0,
    lastMessage: null,
    createdAt: 1,
    updatedAt: 1,
    preview: { policy: 'off', enabled: false },
    ...(tags ? { tags } : {}),
  });

  it('lists the tags in use and only the conversations carrying the chosen one', () => {
    const inbox = applySnapshot([entry('a', ['vip', 'billing']), entry('b', ['billing']), entry('c')]);
    assert.deepEqual(knownTags(inbox), ['billing', 'vip']);
    assert.deepEqual(
      listTab(inbox, 'all', 'me', { tag: 'vip' }).map((e) => e.id),
      ['a'],
    );
    assert.deepEqual(
      listTab(inbox, 'all', 'me', { tag: 'billing' })
        .map((e) => e.id)
        .sort(),
      ['a', 'b'],
    );
    assert.equal(listTab(inbox, 'all', 'me').length, 3);
  });
});
