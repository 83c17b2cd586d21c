/**
 * Everything a fault run stands on: a private bus server, a proxy in front of the shared PostgreSQL,
 * a fresh schema, and two Candor nodes as child processes. `close()` stops all of it and drops the
 * schema, whatever state the run left it in.
 */
import { randomBytes } from 'node:crypto';
import { freePort } from '../bus/bus-test-servers';
import { adminQuery, TEST_DATABASE_URL } from '../testing/postgres-test-db';
import { BusServer, type BusKind } from './bus-server';
import { CandorNode } from './candor-node';
import { OutageProxy } from '../testing/outage-proxy';

export const FAULT_ADMIN = { email: 'admin@example.test', password: 'admin-password-for-faults' };

export class Cluster {
  /** Recognisable, so a run killed before its cleanup leaves a schema one can find and drop. */
  readonly schema = `t_faults_${randomBytes(5).toString('hex')}`;
  bus: BusServer | undefined;
  proxy: OutageProxy | undefined;
  readonly nodes: CandorNode[] = [];

  constructor(private readonly onLog: (node: string, msg: string) => void = () => undefined) {}

  async start(kind: BusKind, nodeCount = 2): Promise<void> {
    this.bus = await BusServer.start(kind);
    const target = new URL(TEST_DATABASE_URL);
    this.proxy = new OutageProxy(target.hostname, Number(target.port || 5432));
    await this.proxy.start();
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(this.proxy.port);
    const env = {
      ...this.bus.env,
      DATABASE_URL: viaProxy.href,
      CANDOR_DATABASE_SCHEMA: this.schema,
      CANDOR_BUS_PREFIX: this.schema,
      CANDOR_ADMIN_EMAIL: FAULT_ADMIN.email,
      CANDOR_ADMIN_PASSWORD: FAULT_ADMIN.password,
      CANDOR_PASSWORD_COST: '10',
      CANDOR_NEW_VISITORS_PER_IP_PER_MINUTE: '1000000',
      CANDOR_NEW_CONVERSATIONS_PER_IP_PER_MINUTE: '1000000',
      CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: '100000',
      CANDOR_MAX_AGENT_CONNECTIONS_PER_IP: '100000',
      CANDOR_FRAME_RATE: '1000',
      CANDOR_FRAME_BURST: '2000',
      LOG_LEVEL: 'warn',
    };
    for (let i = 0; i < nodeCount; i++) {
      const node = new CandorNode(`node-${String.fromCharCode(97 + i)}`, await freePort(), env);
      node.onLog = (msg) => this.onLog(node.name, msg);
      this.nodes.push(node);
    }
    await Promise.all(this.nodes.map((n) => n.start())); // racing through migrations, as a deployment does
  }

  get urls(): string[] {
    return this.nodes.map((n) => n.wsUrl);
  }

  async close(): Promise<void> {
    const quietly = async (p: Promise<unknown> | undefined) => void (await p?.catch(() => undefined));
    await Promise.all(this.nodes.map((n) => quietly(n.stop())));
    await quietly(this.proxy?.stop());
    await quietly(this.bus?.kill());
    await quietly(adminQuery(`drop schema if exists ${this.schema} cascade`));
  }
}
