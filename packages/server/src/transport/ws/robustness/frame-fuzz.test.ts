/**
 * Every inbound frame type, valid and broken every way fast-check can think of, over a real WebSocket:
 * the answer is what the schema says, the server never falls over, nothing refused is stored, and
 * nothing reaches a visitor it was not meant for.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ADMIN, startTestServer, type TestServer } from '../../../testing/test-server';
import { logIn } from '../../../testing/test-client';
import { mutatedProbe, validProbe } from './frame-arbitraries';
import { junkProbe } from './junk-arbitraries';
import { textProbe, type IdPool, type Probe } from './frame-shapes';
import { sweepCases } from './field-sweep';
import { describeProbe, expectationOf, problemAfterHello, problemBeforeHello, show } from './frame-oracle';
import { addOnce, FuzzSession, probeBeforeHello } from './fuzz-session';
import { WriteLedger } from './write-ledger';
import { assertChatWorks, Bystander } from './bystander';

/** 200 runs per property keeps the file under 30 s; CANDOR_FUZZ_RUNS and CANDOR_FUZZ_SEED reproduce or dig deeper. */
const FC_PARAMS: fc.Parameters<[Probe]> = {
  numRuns: Number(process.env.CANDOR_FUZZ_RUNS ?? 200),
  ...(process.env.CANDOR_FUZZ_SEED ? { seed: Number(process.env.CANDOR_FUZZ_SEED) } : {}),
  includeErrorInReport: true,
};

describe('protocol fuzzing over a real WebSocket', () => {
  let server: TestServer;
  let bystander: Bystander;
  const pool: IdPool = { conversations: [], agents: [] };
  const ledger = new WriteLedger((id) => addOnce(pool.conversations, id));
  const sessions: FuzzSession[] = [];

  before(async () => {
    // Each fuzz socket is replaced after 30 frames, under the burst pinned here, so a rate_limited
    // answer is a failure; closes are asynchronous, so sockets may overlap a little.
    server = await startTestServer({ maxConnectionsPerIp: 200, frameRate: { perSecond: 20, burst: 40 } });
    bystander = await Bystander.join(server.wsUrl);
    const cookie = await logIn(server.url, ADMIN.email, ADMIN.password);
    sessions.push(
      new FuzzSession(server.wsUrl, 'visitor', pool),
      new FuzzSession(server.wsUrl, 'agent', pool, cookie),
    );
    // A first message, so the pool holds a conversation of the fuzzing visitor from the start.
    const seed = { type: 'message.send', conversationId: null, clientKey: 'seed', body: 'hi', ref: 'seed' };
    await check(sessions[0]!, textProbe(JSON.stringify(seed)));
    assert.equal(pool.conversations.length, 1);
  });

  after(async () => {
    for (const s of sessions) s.close();
    bystander?.close();
    await server?.close();
  });

  /** Sends one probe and throws with the probe and the answer if the answer is wrong. */
  async function check(session: FuzzSession, probe: Probe): Promise<void> {
    const expected = expectationOf(probe);
    const outcome = await session.probe(probe);
    ledger.record(expected.kind === 'valid' ? expected.frame : undefined, outcome, {
      type: session.role,
      id: session.actorId,
    });
    const problem = problemAfterHello(expected, outcome);
    if (problem) throw new Error(`${problem}\n  sent: ${describeProbe(probe)}\n  got: ${show(outcome)}`);
  }

  /** After each batch: a fresh client still chats, and the bystander saw nothing. */
  async function serverStillHealthy(): Promise<void> {
    await assertChatWorks(server.wsUrl);
    bystander.assertUntouched();
  }

  for (const role of ['visitor', 'agent'] as const) {
    describe(`as ${role === 'visitor' ? 'a visitor' : 'an agent'}, after hello`, () => {
      const session = () => sessions[role === 'visitor' ? 0 : 1]!;

      it('valid frames of every type are answered as documented, never with internal', async () => {
        await fc.assert(
          fc.asyncProperty(validProbe(pool), (probe) => check(session(), probe)),
          FC_PARAMS,
        );
        await serverStillHealthy();
      });

      it('every field of every frame type, missing, mistyped, oversized or a bad literal, gets what the schema says', async () => {
        const cases = sweepCases(pool.conversations[0] ?? 'none');
        for (const c of cases) {
          await check(session(), textProbe(c.text)).catch((err: unknown) => {
            throw new Error(`${c.label}: ${String(err)}`);
          });
        }
        await serverStillHealthy();
      });

      it('randomly mutated frames (missing, wrong types, oversized, extra and duplicate keys) get bad_frame or their answer', async () => {
        await fc.assert(
          fc.asyncProperty(mutatedProbe(pool), (probe) => check(session(), probe)),
          FC_PARAMS,
        );
        await serverStillHealthy();
      });

      it('junk (random JSON, strings, bytes, deep nesting, huge numbers, lone surrogates, too big) is refused, never crashes', async () => {
        await fc.assert(
          fc.asyncProperty(junkProbe, (probe) => check(session(), probe)),
          FC_PARAMS,
        );
        await serverStillHealthy();
      });
    });
  }

  it('before hello: hello is welcomed, another version closes 4002, commands get not_ready, junk bad_frame', async () => {
    const anything = fc.oneof(validProbe(pool), mutatedProbe(pool), junkProbe);
    await fc.assert(
      fc.asyncProperty(anything, async (probe) => {
        const outcome = await probeBeforeHello(server.wsUrl, probe);
        const problem = problemBeforeHello(expectationOf(probe), outcome);
        if (problem) throw new Error(`${problem}\n  sent: ${describeProbe(probe)}`);
      }),
      FC_PARAMS,
    );
    await serverStillHealthy();
  });

  it('stores exactly the acknowledged sends: nothing refused was written, every ack was stored', async () => {
    const visitorId = sessions[0]!.actorId;
    const theirs = (await server.store.listVisitorConversations(visitorId, 10_000)).map((c) => c.id);
    assert.ok(ledger.ackCount > 0, 'the fuzz run acknowledged no send at all');
    assert.deepEqual(await ledger.differences(server.store, theirs), []);
    const untouched = await server.store.listMessages(bystander.conversationId, 0, 100);
    assert.deepEqual(
      untouched.map((m) => m.body),
      ['I am just waiting for an answer'],
    );
  });

  it('the bystander received nothing of it all, and still chats', async () => {
    bystander.assertUntouched();
    await bystander.chat('anyone?');
  });
});
