/**
 * Contract: teams, inbox and agent routing settings, presence, the queue's order, and routing passes
 * that hold across concurrent writers (no conversation given twice, no agent past what the decision saw).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INBOX_ID } from '../../domain/types';
import type { RoutingInput } from '../routing-store';
import type { Store } from '../store';
import { newAgent, newConversation, T0, uid } from './fixtures';

/** Gives each of `mine` (in queue order) to the first of `agents` with fewer than `capacity`. */
function fill(mine: Set<string>, agents: readonly string[], capacity: number) {
  return (input: RoutingInput) => {
    const load = new Map(input.agents.map((a) => [a.agentId, a.load]));
    const assignments = [];
    for (const q of input.queue) {
      if (!mine.has(q.id)) continue;
      const agentId = agents.find((id) => (load.get(id) ?? 0) < capacity);
      if (agentId === undefined) break;
      load.set(agentId, (load.get(agentId) ?? 0) + 1);
      assignments.push({ conversationId: q.id, agentId });
    }
    return { assignments, lastAssigned: new Map(assignments.map((a, i) => [a.agentId, i + 1])) };
  };
}

export function routingContract(store: () => Store): void {
  describe('teams and routing settings', () => {
    it('teams keep their members and default capacity; deleting one forgets it everywhere', async () => {
      const [a, b] = [await newAgent(store()), await newAgent(store())];
      const id = uid('team');
      const created = await store().createTeam({
        id,
        name: 'Billing',
        defaultCapacity: 4,
        memberIds: [b.id, a.id, a.id],
        createdAt: T0,
      });
      assert.deepEqual(created.memberIds, [a.id, b.id].sort());
      const updated = await store().updateTeam(id, { defaultCapacity: null, memberIds: [a.id] });
      assert.equal(updated?.defaultCapacity, null);
      assert.deepEqual(updated?.memberIds, [a.id]);
      assert.equal(await store().updateTeam(uid('team'), { name: 'x' }), undefined);
      const inbox = uid('inbox');
      await store().setInboxRouting(inbox, { strategy: 'least_busy', teamIds: [id] });
      assert.deepEqual(await store().getInboxRouting(inbox), {
        inboxId: inbox,
        strategy: 'least_busy',
        teamIds: [id],
      });
      assert.equal(await store().deleteTeam(id), true);
      assert.equal(await store().deleteTeam(id), false);
      assert.deepEqual((await store().getInboxRouting(inbox)).teamIds, []);
      assert.ok(!(await store().listTeams()).some((t) => t.id === id));
    });

    it('an inbox never configured routes round robin to all its agents', async () => {
      const inboxId = uid('inbox');
      assert.deepEqual(await store().getInboxRouting(inboxId), {
        inboxId,
        strategy: 'round_robin',
        teamIds: [],
      });
    });

    it('agents have defaults until they set status, capacity and skills', async () => {
      const a = await newAgent(store());
      assert.deepEqual(await store().listAgentRouting([a.id]), [
        { agentId: a.id, status: 'online', capacity: null, skills: [] },
      ]);
      const set = await store().updateAgentRouting(a.id, {
        status: 'away',
        capacity: 5,
        skills: ['fr', 'billing', 'fr'],
      });
      assert.deepEqual(set, { agentId: a.id, status: 'away', capacity: 5, skills: ['fr', 'billing'] });
      assert.deepEqual(await store().updateAgentRouting(a.id, { capacity: null }), {
        ...set,
        capacity: null,
      });
    });

    it('presence is kept per node, and beats move only that node', async () => {
      const a = await newAgent(store());
      await store().setPresence(a.id, 'n1', 2, T0);
      await store().setPresence(a.id, 'n2', 1, T0);
      await store().beatPresence('n1', [a.id], T0 + 5);
      await store().setPresence(a.id, 'n2', 0, T0 + 7);
      const seen = (await store().listPresence([a.id])).get(a.id) ?? [];
      assert.deepEqual(
        seen.sort((x, y) => x.seenAt - y.seenAt),
        [
          { sockets: 2, seenAt: T0 + 5 },
          { sockets: 0, seenAt: T0 + 7 },
        ],
      );
    });
  });

  describe('the queue', () => {
    it('waits in order: priority first, then longest waiting; assigned and resolved ones leave it', async () => {
      const inboxId = uid('inbox');
      const [c1, c2, c3, c4] = [
        await newConversation(store(), { inboxId, now: T0 + 1 }),
        await newConversation(store(), { inboxId, now: T0 + 2 }),
        await newConversation(store(), { inboxId, now: T0 + 3 }),
        await newConversation(store(), { inboxId, now: T0 + 4 }),
      ].map((r) => r.conversation.id) as [string, string, string, string];
      await store().updateConversation(c3, { priority: 'urgent', now: T0 + 10 });
      await store().updateConversation(c1, { waitingSince: T0 + 20, now: T0 + 20 }); // back in the queue later
      await store().updateConversation(c4, { status: 'resolved', now: T0 + 21 });
      const queue = await store().listQueue(inboxId, 10);
      assert.deepEqual(
        queue.map((q) => q.id),
        [c3, c2, c1],
      );
      assert.deepEqual(queue[0], {
        id: c3,
        priority: 'urgent',
        waitingSince: T0 + 3,
        teamId: null,
        requiredSkills: [],
      });
      assert.equal(queue[2]?.waitingSince, T0 + 20);
      assert.deepEqual(
        (await store().listQueue(inboxId, 1)).map((q) => q.id),
        [c3],
      );
    });

    it('conversations carry their priority, team and required skills', async () => {
      const { conversation } = await newConversation(store());
      assert.equal(conversation.priority, 'normal');
      assert.equal(conversation.teamId, null);
      const team = await store().createTeam({
        id: uid('team'),
        name: 'T',
        defaultCapacity: null,
        memberIds: [],
        createdAt: T0,
      });
      const updated = await store().updateConversation(conversation.id, {
        priority: 'high',
        teamId: team.id,
        requiredSkills: ['de'],
        now: T0 + 1,
      });
      assert.equal(updated?.priority, 'high');
      assert.equal(updated?.teamId, team.id);
      assert.equal((await store().getConversation(conversation.id))?.priority, 'high');
      assert.deepEqual((await store().listQueue(conversation.inboxId, 5))[0]?.requiredSkills, ['de']);
      const other = await newConversation(store());
      const skills = await store().requiredSkillsOf([conversation.id, other.conversation.id, uid('c')]);
      assert.deepEqual([...skills], [[conversation.id, ['de']]]);
      await store().updateConversation(conversation.id, { requiredSkills: [], now: T0 + 2 });
      assert.equal((await store().requiredSkillsOf([conversation.id])).size, 0);
    });
  });

  describe('routing passes', () => {
    it('give what the decision says, once, and count loads across inboxes', async () => {
      const a = await newAgent(store());
      const elsewhere = await newConversation(store());
      await store().updateConversation(elsewhere.conversation.id, { assigneeId: a.id, now: T0 + 1 });
      const convs: string[] = [];
      for (let i = 0; i < 3; i++)
        convs.push(
          (await newConversation(store(), { inboxId: DEFAULT_INBOX_ID, now: T0 + i })).conversation.id,
        );
      const mine = new Set(convs);
      let seen: RoutingInput | undefined;
      const outcome = await store().routeInbox(DEFAULT_INBOX_ID, T0 + 60_000, (input) => {
        seen = input;
        return fill(mine, [a.id], 2)(input);
      });
      assert.equal(
        seen?.agents.find((x) => x.agentId === a.id)?.load,
        1,
        'the conversation in another inbox counts',
      );
      assert.equal(seen?.strategy, 'round_robin');
      assert.deepEqual(
        outcome.assigned.map((c) => [c.id, c.assigneeId]),
        [[convs[0], a.id]],
      );
      assert.ok(outcome.queue.some((q) => q.id === convs[1]));
      assert.ok(!outcome.queue.some((q) => q.id === convs[0]));
      // A second pass sees the load and the turn the first one stored.
      const again = await store().routeInbox(DEFAULT_INBOX_ID, T0 + 61_000, (input) => {
        const me = input.agents.find((x) => x.agentId === a.id);
        assert.equal(me?.load, 2);
        assert.equal(me?.lastAssigned, 1);
        // A decision naming an already assigned conversation gives nothing.
        return { assignments: [{ conversationId: convs[0]!, agentId: a.id }], lastAssigned: new Map() };
      });
      assert.deepEqual(again.assigned, []);
      const samples = await store().listWaitSamples(DEFAULT_INBOX_ID, T0 + 60_000, 100);
      assert.ok(samples.some((s) => s.assignedAt === T0 + 60_000 && s.waitedMs === 60_000));
    });

    it('racing passes never give a conversation twice nor pass the capacity they decide on', async () => {
      const agents = [await newAgent(store()), await newAgent(store())].map((a) => a.id);
      const inboxId = DEFAULT_INBOX_ID;
      const convs = new Set<string>();
      for (let i = 0; i < 12; i++)
        convs.add((await newConversation(store(), { inboxId, now: T0 + i })).conversation.id);
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          store().routeInbox(inboxId, T0 + 100 + i, fill(convs, agents, 3)),
        ),
      );
      const given = outcomes.flatMap((o) => o.assigned);
      assert.equal(given.length, 6);
      assert.equal(new Set(given.map((c) => c.id)).size, 6, 'none given twice');
      for (const agentId of agents) assert.equal(given.filter((c) => c.assigneeId === agentId).length, 3);
    });

    it('taking one conversation checks the agent as held, and refuses when the check throws', async () => {
      const a = await newAgent(store());
      const { conversation } = await newConversation(store(), { inboxId: DEFAULT_INBOX_ID });
      await assert.rejects(
        store().takeConversation(conversation.id, a.id, T0 + 5, () => {
          throw new Error('full');
        }),
        /full/,
      );
      assert.equal((await store().getConversation(conversation.id))?.assigneeId, null);
      const taken = await store().takeConversation(conversation.id, a.id, T0 + 5, (agent, c) => {
        assert.equal(agent.load, 0);
        assert.equal(c.assigneeId, null);
      });
      assert.equal(taken?.assigneeId, a.id);
      assert.equal(await store().takeConversation(uid('c'), a.id, T0, () => undefined), undefined);
    });
  });
}
