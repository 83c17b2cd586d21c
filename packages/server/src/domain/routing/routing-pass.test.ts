import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decidePass, type AgentRoutingState, type RoutingInput } from './routing-pass';
import { manual } from './routing-rule';

const now = 5_000_000;
const timing = { graceMs: 60_000, staleMs: 90_000 };
const online = [{ sockets: 1, seenAt: now }];
const agent = (agentId: string, over: Partial<AgentRoutingState> = {}): AgentRoutingState => ({
  agentId,
  status: 'online',
  capacity: null,
  skills: [],
  teamIds: [],
  teamCapacities: [],
  load: 0,
  lastAssigned: 0,
  presences: online,
  ...over,
});
const input = (agents: AgentRoutingState[], over: Partial<RoutingInput> = {}): RoutingInput => ({
  inboxId: 'i',
  strategy: 'round_robin',
  inboxTeamIds: [],
  agents,
  queue: ['q1', 'q2', 'q3', 'q4'].map((id, i) => ({
    id,
    priority: 'normal',
    waitingSince: i,
    teamId: null,
    requiredSkills: [],
  })),
  ...over,
});
const settings = { now, timing, defaultCapacity: 2 };

describe('a routing pass', () => {
  it('offers work only to online agents: chosen away, offline, or gone past the grace get none', () => {
    const plan = decidePass(
      input([
        agent('away', { status: 'away' }),
        agent('offline', { status: 'offline' }),
        agent('gone', { presences: [{ sockets: 0, seenAt: now - 61_000 }] }),
        agent('grace', { presences: [{ sockets: 0, seenAt: now - 30_000 }] }),
      ]),
      settings,
    );
    assert.deepEqual(
      plan.assignments.map((a) => a.agentId),
      ['grace', 'grace'],
    );
  });

  it("capacity: the agent's own, else their teams', else the server default", () => {
    const plan = decidePass(
      input([agent('own', { capacity: 1 }), agent('team', { teamCapacities: [0] }), agent('plain')]),
      settings,
    );
    const count = (id: string) => plan.assignments.filter((a) => a.agentId === id).length;
    assert.equal(count('own'), 1);
    assert.equal(count('team'), 0);
    assert.equal(count('plain'), 2);
  });

  it("an inbox with teams routes only to their members; a transfer's team overrides it", () => {
    const agents = [agent('sales', { teamIds: ['t-sales'] }), agent('support', { teamIds: ['t-support'] })];
    const base = input(agents, { inboxTeamIds: ['t-support'] });
    base.queue[0] = { ...base.queue[0]!, teamId: 't-sales' };
    const plan = decidePass(base, { ...settings, defaultCapacity: 5 });
    assert.equal(plan.assignments.find((a) => a.conversationId === 'q1')?.agentId, 'sales');
    assert.ok(
      plan.assignments.filter((a) => a.conversationId !== 'q1').every((a) => a.agentId === 'support'),
    );
  });

  it("a rule given to the pass overrides the inbox's strategy (CANDOR_AUTO_ASSIGN=false: manual)", () => {
    assert.deepEqual(decidePass(input([agent('a')]), { ...settings, rule: manual }).assignments, []);
    assert.deepEqual(decidePass(input([agent('a')], { strategy: 'manual' }), settings).assignments, []);
  });
});
