import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planAssignments } from './assignment-plan';
import {
  eligibleFor,
  leastBusy,
  manual,
  roundRobin,
  ruleFor,
  skillMatch,
  type RoutableConversation,
  type RoutingCandidate,
} from './routing-rule';

const agent = (agentId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  agentId,
  load: 0,
  capacity: 3,
  skills: [],
  teamIds: [],
  lastAssigned: 0,
  ...over,
});
const conv = (id: string, over: Partial<RoutableConversation> = {}): RoutableConversation => ({
  id,
  teamIds: [],
  requiredSkills: [],
  ...over,
});

describe('round robin', () => {
  it('gives each new conversation to whoever was given one least recently', () => {
    const agents = [
      agent('a', { lastAssigned: 5 }),
      agent('b', { lastAssigned: 2 }),
      agent('c', { lastAssigned: 9 }),
    ];
    assert.equal(roundRobin.choose(conv('x'), agents), 'b');
  });

  it('takes turns across a pass, then wraps around', () => {
    const plan = planAssignments(
      ['1', '2', '3', '4'].map((id) => conv(id)),
      [agent('a'), agent('b'), agent('c')],
      roundRobin,
    );
    assert.deepEqual(
      plan.assignments.map((a) => a.agentId),
      ['a', 'b', 'c', 'a'],
    );
    assert.ok((plan.lastAssigned.get('a') ?? 0) > (plan.lastAssigned.get('c') ?? 0));
  });

  it('breaks ties by agent id, so every node picks the same', () => {
    assert.equal(roundRobin.choose(conv('x'), [agent('z'), agent('m')]), 'm');
  });
});

describe('least busy', () => {
  it('picks the smallest share of capacity in use', () => {
    const agents = [
      agent('a', { load: 2, capacity: 4 }),
      agent('b', { load: 1, capacity: 1 }),
      agent('c', { load: 1, capacity: 5 }),
    ];
    assert.equal(leastBusy.choose(conv('x'), agents), 'c');
  });

  it('between equal loads, whoever waited longest for one', () => {
    const agents = [agent('a', { load: 1, lastAssigned: 8 }), agent('b', { load: 1, lastAssigned: 3 })];
    assert.equal(leastBusy.choose(conv('x'), agents), 'b');
  });
});

describe('skill match', () => {
  it('only agents with every required skill, least busy among them', () => {
    const agents = [
      agent('a', { skills: ['billing'] }),
      agent('b', { skills: ['billing', 'fr'], load: 2 }),
      agent('c', { skills: ['fr', 'billing'], load: 1 }),
    ];
    assert.equal(skillMatch.choose(conv('x', { requiredSkills: ['billing', 'fr'] }), agents), 'c');
  });

  it('leaves the conversation waiting when nobody has the skills', () => {
    const plan = planAssignments(
      [conv('x', { requiredSkills: ['de'] }), conv('y')],
      [agent('a', { skills: ['fr'] })],
      skillMatch,
    );
    assert.deepEqual(plan.assignments, [{ conversationId: 'y', agentId: 'a' }]);
  });

  it('a conversation with no required skills goes to anyone', () => {
    assert.equal(skillMatch.choose(conv('x'), [agent('a', { skills: ['fr'] })]), 'a');
  });
});

describe('manual', () => {
  it('never assigns: agents pick from the queue', () => {
    assert.deepEqual(planAssignments([conv('x')], [agent('a')], manual).assignments, []);
    assert.equal(ruleFor('manual'), manual);
  });
});

describe('capacity in a pass', () => {
  for (const strategy of ['round_robin', 'least_busy', 'skill_match'] as const) {
    it(`${strategy} never takes an agent past capacity; the rest waits`, () => {
      const queue = Array.from({ length: 20 }, (_, i) => conv(`c${String(i).padStart(2, '0')}`));
      const agents = [
        agent('a', { capacity: 3, load: 1 }),
        agent('b', { capacity: 2 }),
        agent('c', { capacity: 3, load: 3 }),
      ];
      const plan = planAssignments(queue, agents, ruleFor(strategy));
      const counts = new Map<string, number>();
      for (const a of plan.assignments) counts.set(a.agentId, (counts.get(a.agentId) ?? 0) + 1);
      assert.equal(counts.get('a'), 2);
      assert.equal(counts.get('b'), 2);
      assert.equal(counts.get('c'), undefined);
      // The first in the queue are served first.
      assert.deepEqual(
        plan.assignments.map((a) => a.conversationId),
        ['c00', 'c01', 'c02', 'c03'],
      );
    });
  }

  it('a conversation transferred to a team goes only to its members', () => {
    const agents = [agent('a', { teamIds: ['sales'] }), agent('b', { teamIds: ['support'] })];
    assert.deepEqual(
      eligibleFor(conv('x', { teamIds: ['support'] }), agents).map((c) => c.agentId),
      ['b'],
    );
    const plan = planAssignments(
      [conv('x', { teamIds: ['support'] }), conv('y', { teamIds: ['support'] })],
      [agent('a', { teamIds: ['sales'] }), agent('b', { teamIds: ['support'], capacity: 1 })],
      roundRobin,
    );
    assert.deepEqual(plan.assignments, [{ conversationId: 'x', agentId: 'b' }]);
  });
});
