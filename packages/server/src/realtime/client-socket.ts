/**
 * What the realtime core needs of a socket (Hocuspocus's shape): the WebSocket server is a thin shell
 * around this, and tests can pass any object with these members.
 */
export interface ClientSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet sent: a slow consumer is closed rather than buffered without bound. */
  readonly bufferedAmount: number;
  /** The client's address as the transport saw it (behind a trusted proxy, the forwarded one). */
  readonly ip?: string;
}
