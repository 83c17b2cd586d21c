/**
 * Every send the fuzzer saw acknowledged, to compare with the store afterwards: nothing stored that was
 * refused, every ack stored, with the body it acknowledged.
 */
import type { Message } from '@candor/protocol';
import type { Store } from '../../../storage/store';
import type { ClientFrame, Outcome } from './frame-oracle';
import { repliesIn } from './frame-oracle';
import { addOnce } from './fuzz-session';

export class WriteLedger {
  private readonly acked = new Map<string, Message>();
  /** `author:clientKey` of sends without a ref: stored silently (no ref, no ack), unless refused. */
  private readonly unacknowledged = new Set<string>();
  readonly conversations: string[] = [];

  constructor(private readonly onConversation: (id: string) => void) {}

  get ackCount(): number {
    return this.acked.size;
  }

  record(frame: ClientFrame | undefined, outcome: Outcome, author: { type: string; id: string }): void {
    if (frame?.type !== 'message.send') return;
    const [reply] = repliesIn(outcome);
    if (reply?.type === 'ack' && reply.message) {
      this.acked.set(reply.message.id, reply.message);
      addOnce(this.conversations, reply.message.conversationId);
      this.onConversation(reply.message.conversationId);
    } else if (!reply && !frame.ref) {
      this.unacknowledged.add(`${author.type}:${author.id}:${storedForm(frame.clientKey)}`);
    }
  }

  /** Differences between what was acknowledged and what the store holds in these conversations. */
  async differences(store: Store, conversationIds: readonly string[]): Promise<string[]> {
    const problems: string[] = [];
    const stored = new Set<string>();
    for (const id of new Set([...conversationIds, ...this.conversations])) {
      for (const m of await store.listMessages(id, 0, 100_000)) {
        stored.add(m.id);
        const ack = this.acked.get(m.id);
        if (ack && (storedForm(ack.body) !== storedForm(m.body) || ack.seq !== m.seq)) {
          problems.push(`message ${m.id} differs from its ack`);
        }
        if (
          !ack &&
          !this.unacknowledged.has(`${m.authorType}:${m.authorId}:${storedForm(m.clientKey ?? '')}`)
        ) {
          problems.push(`message ${m.id} (seq ${m.seq} in ${id}) stored but its send was never accepted`);
        }
      }
    }
    for (const id of this.acked.keys())
      if (!stored.has(id)) problems.push(`acked message ${id} is not stored`);
    return problems;
  }
}

/**
 * The server stores lone surrogates and U+0000 as U+FFFD (domain/storable-text.ts), in bodies and
 * client keys alike, so a fuzzed key or body is compared in that form: every run of them, or of U+FFFD,
 * folded into one.
 */
function storedForm(key: string): string {
  // eslint-disable-next-line no-control-regex -- U+0000 is exactly what the store replaces
  return key.replace(/(?:\u0000|\p{Cs}|\uFFFD)+/gu, '\uFFFD');
}
