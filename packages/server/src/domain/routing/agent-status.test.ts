import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveStatus } from './agent-status';

const timing = { graceMs: 60_000, staleMs: 90_000 };
const now = 1_000_000;

describe('agent status', () => {
  it('what the agent chose, when it is away or offline', () => {
    assert.equal(effectiveStatus('away', [{ sockets: 2, seenAt: now }], now, timing), 'away');
    assert.equal(effectiveStatus('offline', [{ sockets: 1, seenAt: now }], now, timing), 'offline');
  });

  it('online while a console socket is open on some node', () => {
    const presences = [
      { sockets: 0, seenAt: now - 500_000 },
      { sockets: 1, seenAt: now - 10_000 },
    ];
    assert.equal(effectiveStatus('online', presences, now, timing), 'online');
  });

  it('still online during the grace after the last socket closed, away after it', () => {
    const closed = [{ sockets: 0, seenAt: now - 59_000 }];
    assert.equal(effectiveStatus('online', closed, now, timing), 'online');
    assert.equal(effectiveStatus('online', closed, now + 2_000, timing), 'away');
  });

  it("a node that stopped beating no longer keeps its sockets' agent online", () => {
    const crashed = [{ sockets: 3, seenAt: now - 200_000 }];
    assert.equal(effectiveStatus('online', crashed, now, timing), 'away');
  });

  it('never connected: away', () => {
    assert.equal(effectiveStatus('online', [], now, timing), 'away');
  });
});
