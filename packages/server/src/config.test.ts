import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config';

describe('configuration', () => {
  describe('CANDOR_TRUST_PROXY', () => {
    it('refuses `true`, saying what to write instead', () => {
      assert.throws(
        () => loadConfig({ CANDOR_TRUST_PROXY: 'true' }),
        /CANDOR_TRUST_PROXY: .*e\.g\. CANDOR_TRUST_PROXY=127\.0\.0\.1,10\.0\.0\.0\/8,::1/,
      );
    });

    it('takes addresses and CIDR ranges of both families, and refuses what is neither', () => {
      const { trustProxy } = loadConfig({ CANDOR_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' });
      assert.deepEqual(trustProxy.ranges, ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
      assert.throws(() => loadConfig({ CANDOR_TRUST_PROXY: '10.0.0.0/8,proxy.internal' }), /proxy\.internal/);
      assert.throws(() => loadConfig({ CANDOR_TRUST_PROXY: '10.0.0.0/40' }), /10\.0\.0\.0\/40/);
    });

    it('trusts no one when unset or `false`', () => {
      assert.deepEqual(loadConfig({}).trustProxy.ranges, []);
      assert.deepEqual(loadConfig({ CANDOR_TRUST_PROXY: 'false' }).trustProxy.ranges, []);
    });
  });

  describe('sockets per address', () => {
    it('has a budget for visitors and one for agents', () => {
      const config = loadConfig({
        CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: '200',
        CANDOR_MAX_AGENT_CONNECTIONS_PER_IP: '20',
      });
      assert.equal(config.maxConnectionsPerIp, 200);
      assert.equal(config.maxAgentConnectionsPerIp, 20);
    });

    it("reads the old CANDOR_MAX_CONNECTIONS_PER_IP as the visitors' budget, and refuses both names at once", () => {
      assert.equal(loadConfig({ CANDOR_MAX_CONNECTIONS_PER_IP: '80' }).maxConnectionsPerIp, 80);
      assert.throws(
        () =>
          loadConfig({ CANDOR_MAX_CONNECTIONS_PER_IP: '80', CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: '90' }),
        /CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP/,
      );
    });
  });
});
