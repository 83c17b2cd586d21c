import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentRoutingView } from '@candor/protocol';
import { applyAgentStatus, byAvailability, mergeLoaded, noStatuses, shownStatus } from './agent-status';

const view = (
  agentId: string,
  status: 'online' | 'away' | 'offline',
  effective = status,
): AgentRoutingView => ({
  agentId,
  status,
  effectiveStatus: effective,
  capacity: null,
  effectiveCapacity: 3,
  skills: [],
  load: 0,
});

describe('colleagues’ status', () => {
  it('shows what routing sees, changed live by agent.status', () => {
    const loaded = mergeLoaded(noStatuses, [view('ada', 'online'), view('bob', 'online', 'away')], new Set());
    assert.equal(shownStatus(loaded, 'ada'), 'online');
    assert.equal(shownStatus(loaded, 'bob'), 'away', 'chose online, console closed past the grace');
    assert.equal(shownStatus(loaded, 'eve'), null);
    const next = applyAgentStatus(loaded, {
      type: 'agent.status',
      agentId: 'ada',
      status: 'away',
      effectiveStatus: 'away',
    });
    assert.equal(shownStatus(next, 'ada'), 'away');
    assert.equal(
      applyAgentStatus(next, {
        type: 'agent.status',
        agentId: 'ada',
        status: 'away',
        effectiveStatus: 'away',
      }),
      next,
      'the same news changes nothing',
    );
  });

  it('a read answered after a live frame does not undo that frame', () => {
    const live = applyAgentStatus(noStatuses, {
      type: 'agent.status',
      agentId: 'ada',
      status: 'offline',
      effectiveStatus: 'offline',
    });
    const merged = mergeLoaded(live, [view('ada', 'online'), view('bob', 'away')], new Set(['ada']));
    assert.equal(shownStatus(merged, 'ada'), 'offline');
    assert.equal(shownStatus(merged, 'bob'), 'away');
  });

  it('lists online colleagues first, then away, offline and unknown, each by name', () => {
    const statuses = mergeLoaded(
      noStatuses,
      [view('z', 'online'), view('a', 'offline'), view('m', 'away'), view('b', 'online')],
      new Set(),
    );
    const agents = ['a', 'b', 'm', 'z', 'q'].map((id) => ({ id, name: id.toUpperCase() }));
    assert.deepEqual(
      byAvailability(agents, statuses).map((a) => a.id),
      ['b', 'z', 'm', 'a', 'q'],
    );
  });
});
