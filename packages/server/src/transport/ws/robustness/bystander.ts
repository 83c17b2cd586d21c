/** Well-behaved clients beside an attack: proof that the server still serves, and leaks nothing. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { ServerFrame } from '@candor/protocol';
import { TestClient } from '../../../testing/test-client';

/** A fresh visitor can still say hello, send (and get the ack), and another tab receives it live. */
export async function assertChatWorks(wsUrl: string): Promise<void> {
  const { client: writer, welcome } = await TestClient.hello(wsUrl, 'visitor');
  const { client: reader } = await TestClient.hello(wsUrl, 'visitor', {
    visitorToken: welcome.visitor?.token,
  });
  try {
    const first = await writer.sendMessage(null, 'are you still there?');
    await subscribe(reader, first.conversationId, first.seq);
    const second = await writer.sendMessage(first.conversationId, 'still here');
    assert.equal((await reader.next('message.created')).message.id, second.id);
  } finally {
    writer.close();
    reader.close();
  }
}

/** A visitor with a conversation, subscribed to it, that must receive nothing while others misbehave. */
export class Bystander {
  private constructor(
    readonly client: TestClient,
    readonly conversationId: string,
  ) {}

  static async join(wsUrl: string): Promise<Bystander> {
    const { client } = await TestClient.hello(wsUrl, 'visitor');
    const mine = await client.sendMessage(null, 'I am just waiting for an answer');
    await subscribe(client, mine.conversationId, 0);
    client.frames.splice(0);
    return new Bystander(client, mine.conversationId);
  }

  /**
   * Still open, and not one frame arrived since it joined (or since the last `chat`) but its own place
   * in the queue, which others' conversations move: that one is meant for it.
   */
  assertUntouched(): void {
    assert.equal(this.client.closeCode, undefined, 'the bystander was disconnected');
    assert.deepEqual(
      this.client.frames
        .filter((f) => !(f.type === 'queue.position' && f.conversationId === this.conversationId))
        .map((f) => f.type),
      [],
      'the bystander received frames meant for others',
    );
  }

  /** Sends a message and gets its ack (and its own live copy), then is quiet again. */
  async chat(body: string): Promise<void> {
    const sent = await this.client.sendMessage(this.conversationId, body);
    assert.equal((await this.client.next('message.created')).message.id, sent.id);
    this.client.frames.splice(0);
  }

  close(): void {
    this.client.close();
  }
}

/** Subscribes and waits for the history page (TestClient.request waits for acks, not for history). */
export async function subscribe(client: TestClient, conversationId: string, afterSeq: number): Promise<void> {
  const ref = randomUUID();
  client.send({ type: 'conversation.subscribe', conversationId, afterSeq, ref });
  const reply = await client.waitFor(
    (f): f is ServerFrame => (f.type === 'conversation.history' || f.type === 'error') && f.ref === ref,
  );
  assert.equal(reply.type, 'conversation.history', `subscribe refused: ${JSON.stringify(reply)}`);
}
