/** What networked buses share: the rules for envelopes coming off the wire, without a server. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { Envelope } from './bus';
import type { DomainEvent } from '../domain/events';
import { FanOut } from './fan-out';

const event: DomainEvent = { type: 'sessions.ended', agentId: 'a1', sessionIds: ['s1'] };

function fanOut() {
  const errors: string[] = [];
  const fan = new FanOut((err, what) => errors.push(`${what}: ${String(err)}`));
  const got: Envelope[] = [];
  fan.onEnvelope((e) => got.push(e));
  fan.topics.add('agent:a1');
  return { fan, got, errors };
}

it('drops its own echo and topics it does not want, delivers the rest', () => {
  const { fan, got, errors } = fanOut();
  const wire = fan.local('agent:a1', event);
  fan.remote('agent:a1', wire);
  fan.remote('agent:a2', JSON.stringify({ origin: 'other', topic: 'agent:a2', event }));
  fan.remote('agent:a1', JSON.stringify({ origin: 'other', topic: 'agent:a1', event }));
  assert.deepEqual(
    got.map((e) => e.origin),
    [fan.nodeId, 'other'],
  );
  assert.deepEqual(errors, []);
});

it('reports malformed envelopes and a topic that does not match its channel, delivers none', () => {
  const { fan, got, errors } = fanOut();
  for (const raw of ['not json', 'null', '{"origin":"o","topic":"agent:a1"}', '{"origin":1}']) {
    fan.remote('agent:a1', raw);
  }
  fan.remote('agent:a1', JSON.stringify({ origin: 'other', topic: 'agent:a9', event }));
  assert.equal(got.length, 0);
  assert.equal(errors.length, 5);
});

it('reports a throwing handler instead of letting it escape into a socket callback', () => {
  const { fan, errors } = fanOut();
  fan.onEnvelope(() => {
    throw new Error('boom');
  });
  fan.onResync(() => {
    throw new Error('bang');
  });
  assert.doesNotThrow(() =>
    fan.remote('agent:a1', JSON.stringify({ origin: 'other', topic: 'agent:a1', event })),
  );
  assert.doesNotThrow(() => fan.local('agent:a1', event));
  assert.doesNotThrow(() => fan.resynced());
  assert.deepEqual(errors, [
    'bus envelope handler: Error: boom',
    'bus envelope handler: Error: boom',
    'bus resync handler: Error: bang',
  ]);
});

it('puts one event on several topics, each envelope naming its own topic', () => {
  const publisher = fanOut().fan;
  const { fan: receiver, got, errors } = fanOut();
  receiver.topics.add('inbox:i1');
  const updated = { ...event, agentId: 'a "quoted" one' };
  receiver.remote('agent:a1', publisher.local('agent:a1', updated));
  receiver.remote('inbox:i1', publisher.local('inbox:i1', updated));
  receiver.remote('agent:a1', publisher.local('agent:a1', event));
  assert.deepEqual(
    got.map((e) => [e.origin, e.topic, e.event]),
    [
      [publisher.nodeId, 'agent:a1', updated],
      [publisher.nodeId, 'inbox:i1', updated],
      [publisher.nodeId, 'agent:a1', event],
    ],
  );
  assert.deepEqual(errors, []);
});
