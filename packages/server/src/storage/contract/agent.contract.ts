/** Contract: migrations, agents, sessions and visitors. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INBOX_ID } from '../../domain/types';
import { StoreConflictError, type NewSession, type Store } from '../store';
import { newAgent, newVisitor, T0, uid } from './fixtures';

export function agentContract(store: () => Store): void {
  describe('migrations', () => {
    it('migrating again is harmless and keeps the data', async () => {
      const agent = await newAgent(store());
      await store().migrate();
      await store().migrate();
      assert.deepEqual(await store().findAgentById(agent.id), agent);
      await store().ping();
    });
  });

  describe('agents', () => {
    it('creates an agent, a member of the default inbox, and counts it', async () => {
      const before = await store().countAgents();
      const agent = await newAgent(store(), { role: 'admin' });
      assert.equal(await store().countAgents(), before + 1);
      assert.deepEqual(await store().findAgentById(agent.id), agent);
      assert.deepEqual(await store().listAgentInboxIds(agent.id), [DEFAULT_INBOX_ID]);
      assert.ok((await store().listAgents()).some((a) => a.id === agent.id));
      assert.equal(typeof (await store().findAgentById(agent.id))?.createdAt, 'number');
    });

    it('stores emails lower-cased and finds them in any case', async () => {
      const email = `${uid('Mixed')}@Example.TEST`;
      const agent = await newAgent(store(), { email });
      assert.equal((await store().findAgentById(agent.id))?.email, email.toLowerCase());
      assert.equal((await store().findAgentByEmail(email.toUpperCase()))?.id, agent.id);
      assert.equal(await store().findAgentByEmail(`nobody-${email}`), undefined);
    });

    it('refuses a second agent with the same email, in any case, and keeps nothing of it', async () => {
      const first = await newAgent(store());
      const before = await store().countAgents();
      const dup = newAgent(store(), { email: first.email.toUpperCase() });
      await assert.rejects(dup, StoreConflictError);
      assert.equal(await store().countAgents(), before);
    });

    it('returns undefined for an unknown agent', async () => {
      assert.equal(await store().findAgentById(uid('nobody')), undefined);
    });
  });

  describe('sessions', () => {
    const session = (agentId: string, patch: Partial<NewSession> = {}): NewSession => ({
      tokenHash: uid('th'),
      id: uid('sid'),
      agentId,
      expiresAt: T0 + 1000,
      now: T0,
      ...patch,
    });

    it('finds the agent of a live session, not of an expired or deleted one', async () => {
      const agent = await newAgent(store());
      const s = session(agent.id, { userAgent: 'Firefox', ip: '203.0.113.9' });
      await store().createSession(s);
      const found = await store().findSession(s.tokenHash, T0 + 999);
      assert.deepEqual(found?.agent, agent);
      assert.deepEqual(found?.session, {
        id: s.id,
        agentId: agent.id,
        createdAt: T0,
        expiresAt: T0 + 1000,
        userAgent: 'Firefox',
        ip: '203.0.113.9',
      });
      assert.equal(await store().findSession(s.tokenHash, T0 + 1000), undefined);
      assert.equal(await store().findSession(uid('s'), T0), undefined);
      await store().deleteSession(s.tokenHash);
      assert.equal(await store().findSession(s.tokenHash, T0), undefined);
      await store().deleteSession(s.tokenHash); // deleting twice (a double logout) is fine
    });

    it("lists an agent's live sessions newest first, by opaque id, and ends one or all but one", async () => {
      const agent = await newAgent(store());
      const other = await newAgent(store());
      const [a, b, c] = [0, 1, 2].map((i) => session(agent.id, { now: T0 + i }));
      const expired = session(agent.id, { expiresAt: T0 + 5 });
      const theirs = session(other.id);
      for (const s of [a, b, c, expired, theirs]) await store().createSession(s!);
      const listed = await store().listSessions(agent.id, T0 + 10);
      assert.deepEqual(
        listed.map((s) => s.id),
        [c!.id, b!.id, a!.id],
      );
      assert.equal(listed[0]?.userAgent, null);
      assert.deepEqual(
        await store().liveSessionIds([a!.id, expired.id, theirs.id, uid('x')], T0 + 10),
        new Set([a!.id, theirs.id]),
      );
      assert.equal(await store().deleteSessionById(agent.id, theirs.id), false, "not another agent's");
      assert.equal(await store().deleteSessionById(agent.id, a!.id), true);
      assert.equal(await store().findSession(a!.tokenHash, T0), undefined);
      assert.deepEqual(
        (await store().deleteAgentSessions(agent.id, c!.id)).sort(),
        [b!.id, expired.id].sort(),
      );
      assert.deepEqual(
        (await store().listSessions(agent.id, T0)).map((s) => s.id),
        [c!.id],
      );
      assert.deepEqual(await store().deleteAgentSessions(agent.id), [c!.id]);
      assert.ok(await store().findSession(theirs.tokenHash, T0));
    });
  });

  describe('expired sessions', () => {
    it("signing in again deletes the agent's expired sessions, not others'", async () => {
      const agent = await newAgent(store());
      const other = await newAgent(store());
      const old = { tokenHash: uid('th'), id: uid('sid'), agentId: agent.id, expiresAt: T0 + 10, now: T0 };
      const theirs = { ...old, tokenHash: uid('th'), id: uid('sid'), agentId: other.id };
      await store().createSession(old);
      await store().createSession(theirs);
      await store().createSession({
        ...old,
        tokenHash: uid('th'),
        id: uid('sid'),
        expiresAt: T0 + 99,
        now: T0 + 10,
      });
      assert.deepEqual(await store().deleteAgentSessions(other.id), [theirs.id]);
      assert.equal((await store().deleteAgentSessions(agent.id)).includes(old.id), false);
    });
  });

  describe('agent lifecycle', () => {
    it('renames, changes the role and the password hash', async () => {
      const agent = await newAgent(store());
      const updated = await store().updateAgent(agent.id, {
        name: 'Grace',
        role: 'admin',
        passwordHash: 'scrypt$y',
      });
      assert.deepEqual(updated, { ...agent, name: 'Grace', role: 'admin', passwordHash: 'scrypt$y' });
      assert.deepEqual(await store().findAgentById(agent.id), updated);
      assert.equal(await store().updateAgent(uid('nobody'), { name: 'X' }), undefined);
    });

    it('deactivating ends every session; an inactive agent has no session; reactivating signs nobody in', async () => {
      await newAgent(store(), { role: 'admin' }); // keeps an active admin whatever runs before
      const agent = await newAgent(store());
      const s = { tokenHash: uid('th'), id: uid('sid'), agentId: agent.id, expiresAt: T0 + 1000, now: T0 };
      await store().createSession(s);
      assert.equal((await store().updateAgent(agent.id, { active: false }))?.active, false);
      assert.equal((await store().findAgentByEmail(agent.email))?.active, false);
      assert.equal(await store().findSession(s.tokenHash, T0), undefined);
      assert.deepEqual(await store().listSessions(agent.id, T0), []);
      assert.equal((await store().updateAgent(agent.id, { active: true }))?.active, true);
      assert.equal(await store().findSession(s.tokenHash, T0), undefined);
    });

    it('refuses, writing nothing, to leave no active admin, even when two admins demote each other at once', async () => {
      const [x, y] = [await newAgent(store(), { role: 'admin' }), await newAgent(store(), { role: 'admin' })];
      // Every other active admin steps down, so these two are the last ones.
      for (const a of await store().listAgents()) {
        if (a.role === 'admin' && a.active && a.id !== x.id && a.id !== y.id)
          await store().updateAgent(a.id, { active: false });
      }
      assert.equal(await store().countActiveAdmins(), 2);
      const results = await Promise.allSettled([
        store().updateAgent(x.id, { role: 'agent' }),
        store().updateAgent(y.id, { active: false }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected');
      assert.ok(refused?.status === 'rejected' && refused.reason instanceof StoreConflictError);
      assert.equal(await store().countActiveAdmins(), 1);
    });
  });

  describe('visitors', () => {
    it('finds a visitor by token hash and by id, without exposing the hash', async () => {
      const { tokenHash, ...visitor } = await newVisitor(store());
      assert.deepEqual(await store().findVisitorByTokenHash(tokenHash), visitor);
      assert.deepEqual(await store().findVisitorById(visitor.id), visitor);
      assert.equal(await store().findVisitorByTokenHash(uid('th')), undefined);
    });

    it('keeps a null locale', async () => {
      const visitor = { id: uid('v'), tokenHash: uid('th'), name: 'Red Owl', locale: null, createdAt: T0 };
      await store().createVisitor(visitor);
      assert.equal((await store().findVisitorById(visitor.id))?.locale, null);
    });
  });
}
