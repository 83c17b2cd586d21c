/** Contract: migrations, agents, sessions and visitors. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_INBOX_ID } from '../../domain/types';
import { StoreConflictError, type Store } from '../store';
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
    it('finds the agent of a live session, not of an expired or deleted one', async () => {
      const agent = await newAgent(store());
      const tokenHash = uid('s');
      await store().createSession({ tokenHash, agentId: agent.id, expiresAt: T0 + 1000, now: T0 });
      assert.deepEqual(await store().findSessionAgent(tokenHash, T0 + 999), agent);
      assert.equal(await store().findSessionAgent(tokenHash, T0 + 1000), undefined);
      assert.equal(await store().findSessionAgent(uid('s'), T0), undefined);
      await store().deleteSession(tokenHash);
      assert.equal(await store().findSessionAgent(tokenHash, T0), undefined);
      await store().deleteSession(tokenHash); // deleting twice (a double logout) is fine
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
