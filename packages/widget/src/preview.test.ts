import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientFrame, CommandFrame, PreviewState } from '@candor/protocol';
import { conversation } from './fake-server';
import { DRAFT_INTERVAL_MS, createPreview, type Redactor } from './preview';
import { memoryStore, type Store } from './storage';
import { emptyTimeline, type Timeline } from './timeline';

const shout: Redactor = (text) => ({ text: text.toUpperCase() });

function setup(opts: { store?: Store; redact?: Redactor } = {}) {
  const store = opts.store ?? memoryStore();
  let t: Timeline = emptyTimeline();
  const sent: CommandFrame[] = [];
  const preview = createPreview({
    store,
    timeline: () => t,
    send: (frame) => sent.push(frame) > 0,
    ...(opts.redact ? { redact: opts.redact } : {}),
  });
  return {
    store,
    preview,
    sent,
    /** Follows conversation c1 with this preview state, as the chat does after a welcome or an ack. */
    follow(state: PreviewState, id = 'c1') {
      if (t.conversationId !== id) preview.reset();
      t = { ...t, conversationId: id, conversation: conversation(id, { preview: state }) };
      preview.sync();
    },
    /** A conversation.updated for the current conversation. */
    update(state: PreviewState) {
      const before = t.conversation;
      t = { ...t, conversation: conversation(t.conversationId ?? 'c1', { preview: state }) };
      preview.updated(before);
    },
    drafts: () => sent.flatMap((f) => (f.type === 'draft.update' ? [f.text] : [])),
    sets: () =>
      sent.filter((f): f is Extract<ClientFrame, { type: 'preview.set' }> => f.type === 'preview.set'),
  };
}

const ON = { policy: 'on_with_notice', enabled: true } as const;
const timers = (t: TestContext) => t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 10_000 });

describe('preview: the notice', () => {
  it('shows nothing before the welcome says which policy applies', () => {
    assert.equal(setup().preview.notice, 'hidden');
  });

  it('is on by default under on_with_notice, off under opt_in, hidden under off', () => {
    for (const [policy, notice] of [
      ['on_with_notice', 'on'],
      ['opt_in', 'off'],
      ['off', 'hidden'],
    ] as const) {
      const { preview } = setup();
      preview.welcome(policy, []);
      assert.equal(preview.notice, notice, policy);
    }
  });

  it('follows the policy of the current conversation rather than the one for new conversations', () => {
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.follow({ policy: 'off', enabled: false });
    assert.equal(s.preview.notice, 'hidden');
    s.follow({ policy: 'opt_in', enabled: false }, 'c2');
    assert.equal(s.preview.notice, 'off');
  });

  it('follows the visitor’s switch, and keeps the choice per conversation across a reload', () => {
    const store = memoryStore();
    const s = setup({ store });
    s.preview.welcome('opt_in', []);
    s.follow({ policy: 'opt_in', enabled: false });
    s.preview.choose(true);
    assert.equal(s.preview.notice, 'on');
    s.follow({ policy: 'opt_in', enabled: false }, 'c2');
    assert.equal(s.preview.notice, 'off');
    const reloaded = setup({ store });
    reloaded.preview.welcome('opt_in', []);
    reloaded.follow({ policy: 'opt_in', enabled: true });
    assert.equal(reloaded.preview.notice, 'on');
  });
});

describe('preview: consent handshake', () => {
  it('switches the new conversation on with noticeShown once the notice is on screen', () => {
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.follow({ policy: 'on_with_notice', enabled: false });
    assert.deepEqual(s.sets(), [], 'the panel is closed: the visitor has not seen the notice');
    s.preview.open(true);
    const [set] = s.sets();
    assert.deepEqual(set, {
      type: 'preview.set',
      ref: set?.ref,
      conversationId: 'c1',
      enabled: true,
      noticeShown: true,
    });
    assert.equal(s.preview.settle(set?.ref), true);
  });

  it('sends nothing when the server already holds the choice, or when the policy is off', () => {
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.preview.open(true);
    s.follow(ON);
    s.follow({ policy: 'opt_in', enabled: false }, 'c2');
    s.follow({ policy: 'off', enabled: false }, 'c3');
    s.preview.choose(true);
    assert.deepEqual(s.sets(), []);
  });

  it('carries a choice made before the conversation existed over to it', () => {
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.preview.open(true);
    s.preview.choose(false);
    assert.equal(s.preview.notice, 'off');
    s.follow(ON);
    assert.equal(s.preview.notice, 'off');
    assert.deepEqual(
      s.sets().map((f) => [f.conversationId, f.enabled]),
      [['c1', false]],
    );
    assert.equal(s.store.get('preview:c1'), '0');
    assert.equal(s.store.get('preview:new'), null);
  });

  it('switches off at once, even while its switching on is still unanswered', () => {
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.preview.open(true);
    s.follow({ policy: 'on_with_notice', enabled: false });
    s.preview.choose(false);
    assert.deepEqual(
      s.sets().map((f) => f.enabled),
      [true, false],
    );
  });

  it('follows a switch made in another tab, but not a policy change', () => {
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.follow(ON);
    s.update({ policy: 'on_with_notice', enabled: false });
    assert.equal(s.preview.notice, 'off');
    s.update({ policy: 'on_with_notice', enabled: true });
    assert.equal(s.preview.notice, 'on');
    s.update({ policy: 'off', enabled: false });
    assert.equal(s.preview.notice, 'hidden');
    assert.equal(s.store.get('preview:c1'), '1');
    assert.deepEqual(s.sets(), []);
  });
});

describe('preview: drafts', () => {
  function live(t: TestContext, redact?: Redactor) {
    timers(t);
    const s = setup(redact ? { redact } : {});
    s.preview.welcome('on_with_notice', []);
    s.preview.open(true);
    s.follow(ON);
    return s;
  }

  it('keeps typing local before the conversation exists', (t) => {
    timers(t);
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.preview.open(true);
    s.preview.input('hello');
    t.mock.timers.tick(1000);
    assert.deepEqual(s.sent, []);
  });

  it('sends none while the server has not enabled the preview, or while the panel is closed', (t) => {
    timers(t);
    const s = setup();
    s.preview.welcome('on_with_notice', []);
    s.follow({ policy: 'on_with_notice', enabled: false });
    s.preview.open(true);
    s.preview.input('not yet');
    t.mock.timers.tick(1000);
    s.update(ON);
    s.preview.open(false);
    s.preview.input('closed');
    t.mock.timers.tick(1000);
    assert.deepEqual(s.drafts(), []);
  });

  it('sends at most one every 200 ms, the latest text winning', (t) => {
    const s = live(t);
    s.preview.input('h');
    t.mock.timers.tick(0);
    s.preview.input('he');
    s.preview.input('hel');
    t.mock.timers.tick(DRAFT_INTERVAL_MS - 1);
    assert.deepEqual(s.drafts(), ['h']);
    t.mock.timers.tick(1);
    assert.deepEqual(s.drafts(), ['h', 'hel']);
    s.preview.input('hell');
    s.preview.input('hello');
    t.mock.timers.tick(DRAFT_INTERVAL_MS);
    assert.deepEqual(s.drafts(), ['h', 'hel', 'hello']);
  });

  it('clears the draft with an empty text once, when the field is emptied', (t) => {
    const s = live(t);
    s.preview.input('hi');
    t.mock.timers.tick(0);
    s.preview.input('');
    t.mock.timers.tick(DRAFT_INTERVAL_MS);
    s.preview.input('');
    t.mock.timers.tick(DRAFT_INTERVAL_MS);
    assert.deepEqual(s.drafts(), ['hi', '']);
  });

  it('drops the pending draft and sends no more once the visitor switches off', (t) => {
    const s = live(t);
    s.preview.input('my pass');
    t.mock.timers.tick(0);
    s.preview.input('my password is');
    s.preview.choose(false);
    s.preview.input('my password is hunter2');
    t.mock.timers.tick(5 * DRAFT_INTERVAL_MS);
    assert.deepEqual(s.drafts(), ['my pass']);
    assert.equal(s.sets().at(-1)?.enabled, false);
  });

  it('drops the pending draft when the server turns the preview off', (t) => {
    const s = live(t);
    s.preview.input('a');
    t.mock.timers.tick(0);
    s.preview.input('ab');
    s.update({ policy: 'off', enabled: false });
    t.mock.timers.tick(DRAFT_INTERVAL_MS);
    assert.deepEqual(s.drafts(), ['a']);
  });

  it('redacts every draft with the welcome’s rules before it leaves', (t) => {
    const seen: unknown[] = [];
    const s = live(t, (text, rules) => {
      seen.push(rules.rules);
      return shout(text, rules);
    });
    const rule = { id: 'r1', label: 'order', pattern: 'ORD-\\d+', validator: 'none' } as const;
    s.preview.welcome('on_with_notice', [rule]);
    s.preview.input('card 4242');
    t.mock.timers.tick(0);
    assert.deepEqual(s.drafts(), ['CARD 4242']);
    assert.deepEqual(seen, [[rule]]);
    assert.equal(s.preview.mask('body'), 'BODY');
  });
});
