/**
 * What a load generator needs from a system, whatever its wire protocol: visitors with a conversation
 * that send messages or drafts from pre-built frame text, agents following conversations, and idle
 * widget connections. Setup may parse JSON; the load itself only concatenates strings and scans bytes.
 */
import type { Endpoints, WireProtocol } from '../lib/systems';
import { candorClient } from './candor-client';
import { bareClient } from './bare-client';
import { socketIoClient } from './socketio-client';

export interface LoadVisitor {
  readonly conversationId: string;
  /** A message whose body carries the stamp. */
  sendMessage(stamp: string): void;
  /** A draft (typing preview) whose text carries the stamp. */
  sendDraft(stamp: string): void;
  close(): void;
}

export interface VisitorOptions {
  /** Typing preview on (Candor: subscribe + preview.set with the notice shown). */
  preview: boolean;
  /** A refusal or error came back for one of this visitor's frames. */
  onError(text: string): void;
}

export interface Closable {
  close(): void;
}

export interface LoadClient {
  visitor(index: number, options: VisitorOptions): Promise<LoadVisitor>;
  /** An agent socket following these conversations; `onFrame` gets every frame it receives. */
  agent(conversationIds: string[], onFrame: (data: Buffer) => void): Promise<Closable>;
  /** A widget connection that does what an idle widget does (Candor: hello, then nothing). */
  idle(index: number, localAddress?: string): Promise<Closable>;
}

export function loadClientFor(protocol: WireProtocol, endpoints: Endpoints): LoadClient {
  switch (protocol) {
    case 'candor':
      return candorClient(endpoints);
    case 'bare':
      return bareClient(endpoints);
    case 'socketio':
      return socketIoClient(endpoints);
  }
}

export const toWs = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** Visitor `index`'s node, as http(s) URL. */
export const visitorUrlFor = (endpoints: Endpoints, index: number): string =>
  endpoints.visitorUrls[index % endpoints.visitorUrls.length]!;
