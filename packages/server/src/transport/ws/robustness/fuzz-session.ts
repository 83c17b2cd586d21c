/**
 * A signed-in socket that sends one probe at a time and collects exactly what answers it: after each
 * probe goes a sentinel (`conversation.unsubscribe` with a fresh ref, which always gets an ack), and
 * frames are handled in order, so everything before the sentinel's ack answers the probe.
 */
import { randomUUID } from 'node:crypto';
import type { ServerFrame } from '@candor/protocol';
import { TestClient } from '../../../testing/test-client';
import type { IdPool, Probe } from './frame-shapes';
import type { Outcome } from './frame-oracle';
import { subscribe } from './bystander';

/** Frames per socket before a fresh one: under the burst of 40 the fuzz server is given. */
const FRAMES_PER_SOCKET = 30;

export class FuzzSession {
  private client: TestClient | undefined;
  private sent = 0;
  private token: string | undefined;
  /** The visitor's or the agent's id, known after the first welcome. */
  actorId = '';
  /** Sockets opened, for the report. */
  sockets = 0;

  constructor(
    private readonly wsUrl: string,
    readonly role: 'visitor' | 'agent',
    readonly pool: IdPool,
    private readonly cookie?: string,
  ) {}

  async probe(probe: Probe): Promise<Outcome> {
    const client = await this.ready();
    const ref = `sentinel-${randomUUID()}`;
    client.ws.send(probe.data, { binary: probe.binary });
    client.send({ type: 'conversation.unsubscribe', conversationId: 'sentinel', ref });
    this.sent += 2;
    return collect(client, ref);
  }

  close(): void {
    this.client?.close();
    this.client = undefined;
  }

  private async ready(): Promise<TestClient> {
    if (this.client && this.client.closeCode === undefined && this.sent < FRAMES_PER_SOCKET)
      return this.client;
    this.close();
    const options = this.role === 'agent' ? { cookie: this.cookie } : { visitorToken: this.token };
    const { client, welcome } = await TestClient.hello(this.wsUrl, this.role, options);
    this.sockets++;
    this.sent = 1;
    if (welcome.visitor) {
      this.actorId = welcome.visitor.id;
      this.token = welcome.visitor.token ?? this.token; // rotated on every resume
      for (const c of welcome.conversations) addOnce(this.pool.conversations, c.id);
    }
    if (welcome.agent) {
      this.actorId = welcome.agent.id;
      addOnce(this.pool.agents, welcome.agent.id);
    }
    // Follow a conversation, so typing and drafts reach the code that only runs for subscribers.
    const followed = this.pool.conversations[0];
    if (followed) {
      await subscribe(client, followed, 0);
      this.sent++;
    }
    client.frames.splice(0);
    this.client = client;
    return client;
  }
}

/** A probe as the very first frame of a new visitor socket. */
export async function probeBeforeHello(wsUrl: string, probe: Probe): Promise<Outcome> {
  const client = await TestClient.connect(wsUrl, 'visitor');
  try {
    const ref = `sentinel-${randomUUID()}`;
    client.ws.send(probe.data, { binary: probe.binary });
    client.send({ type: 'conversation.unsubscribe', conversationId: 'sentinel', ref });
    return await collect(client, ref);
  } finally {
    client.close();
  }
}

async function collect(client: TestClient, ref: string): Promise<Outcome> {
  try {
    await client.waitFor(
      (f): f is ServerFrame => (f.type === 'ack' || f.type === 'error') && f.ref === ref,
      5000,
    );
  } catch (err) {
    if (client.closeCode === undefined) throw err;
  }
  return { frames: client.frames.splice(0), closeCode: client.closeCode };
}

export function addOnce(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id);
}
