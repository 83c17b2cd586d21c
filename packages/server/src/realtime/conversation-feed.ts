import type { Message } from '@candor/protocol';

/**
 * One client's view of one conversation's messages: every seq exactly once, in order, no gap.
 * While a replay (history read) is in flight, live messages are held back; afterwards only those
 * past what the replay sent go out. A live message that skips a seq (an event lost or reordered on
 * the bus) makes the feed read the missing ones from the store before going on. If that read fails
 * (the store restarting), the feed keeps holding and retries with backoff: it skips a gap only after
 * a successful read shows the message is not stored.
 */
export class ConversationFeed {
  private replaying = true;
  private delivered: number;
  private held: { message: Message; text: string }[] = [];
  private disposed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    afterSeq: number,
    private readonly send: (text: string) => void,
    private readonly readAfter: (seq: number) => Promise<Message[]>,
    private readonly onError: (err: unknown) => void,
  ) {
    this.delivered = afterSeq;
  }

  /** The history page was sent up to lastSeq; if it was the last page, go live. */
  replayed(lastSeq: number, complete: boolean): void {
    this.delivered = Math.max(this.delivered, lastSeq);
    if (!complete) {
      this.held = []; // the client asks for the next page, which will include these
      return;
    }
    this.goLive();
  }

  /** Unsubscribed or closed: stop any retry. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retry);
  }

  /** Events may have been lost (the bus was down): read what came after the last seq sent. */
  resync(): void {
    if (!this.replaying) this.heal();
  }

  live(message: Message, text: string): void {
    if (this.replaying) {
      this.held.push({ message, text });
    } else if (message.seq === this.delivered + 1) {
      this.delivered = message.seq;
      this.send(text);
    } else if (message.seq > this.delivered + 1) {
      this.held.push({ message, text });
      this.heal();
    }
    // seq <= delivered: already sent (replay overlap or bus redelivery)
  }

  /** `skipGaps` after a heal that found nothing more: deliver what is held rather than loop. */
  private goLive(skipGaps = false): void {
    const held = this.held.sort((a, b) => a.message.seq - b.message.seq);
    this.held = [];
    this.replaying = false;
    for (const { message, text } of held) {
      if (skipGaps && message.seq > this.delivered) this.delivered = message.seq - 1;
      this.live(message, text);
    }
  }

  private heal(attempt = 0): void {
    if (this.disposed) return;
    this.replaying = true;
    this.readAfter(this.delivered)
      .then((missing) => {
        const before = this.delivered;
        for (const message of missing) {
          if (message.seq !== this.delivered + 1) break;
          this.delivered = message.seq;
          this.send(JSON.stringify({ type: 'message.created', message }));
        }
        this.goLive(this.delivered === before);
      })
      .catch((err: unknown) => {
        this.onError(err);
        // Keep holding; a later read fills the gap. 250 ms, doubling, at most 5 s apart.
        this.retry = setTimeout(() => this.heal(attempt + 1), Math.min(5_000, 250 * 2 ** attempt));
        this.retry.unref();
      });
  }
}
