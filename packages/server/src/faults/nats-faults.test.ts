/**
 * Nothing lost under faults, over NATS: 200 visitor sockets on two nodes, 40 of them cut mid-send, one
 * node killed and restarted, PostgreSQL connections cut and refused for 2 s, NATS restarted. Every
 * acked message is stored exactly once, seqs have no gap, and every agent's view equals the database.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeIf } from '../testing/describe-if';
import { describeWithPostgres } from '../testing/postgres-test-db';
import { busUnavailable } from './bus-server';
import { fastPlan } from './fault-plans';
import { formatReport } from './report';
import { runFaultScenario } from './scenario';

describeWithPostgres('nothing lost under faults', () => {
  describeIf('two nodes over NATS', busUnavailable('nats'), () => {
    it('keeps every acked message once, gapless, and agents in step with the database', async (t) => {
      const report = await runFaultScenario({ ...fastPlan('nats'), progress: (line) => t.diagnostic(line) });
      for (const line of formatReport(report)) t.diagnostic(line);
      assert.deepEqual(report.ledger.violations.first, [], `${report.ledger.violations.count} violations`);
      assert.ok(report.ledger.total('resend') > 0, 'the faults made clients resend');
      assert.equal(report.acked, report.storedMessages);
    });
  });
});
