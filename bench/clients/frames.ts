/**
 * Candor's visitor frames as text, built from a fixed head and a counter so a send is one string
 * concatenation. The bare relay is sent exactly these bytes.
 */
import type WebSocket from 'ws';
import type { LoadVisitor } from './load-client';
import { STAMP_WORD } from './stamp';

export function messageFrames(conversationId: string): (n: number, stamp: string) => string {
  const head = '{"type":"message.send","ref":"m';
  const middle = `","conversationId":"${conversationId}","clientKey":"k`;
  return (n, stamp) => `${head}${n}${middle}${n}","body":"${STAMP_WORD}${stamp}"}`;
}

export function draftFrames(conversationId: string): (stamp: string) => string {
  const head = `{"type":"draft.update","conversationId":"${conversationId}","text":"${STAMP_WORD}`;
  return (stamp) => `${head}${stamp}"}`;
}

/** A visitor socket sending these frames: what the bare relay and Candor are sent alike. */
export function frameSender(ws: WebSocket, conversationId: string): LoadVisitor {
  const message = messageFrames(conversationId);
  const draft = draftFrames(conversationId);
  let n = 0;
  return {
    conversationId,
    sendMessage: (stamp) => ws.send(message(++n, stamp)),
    sendDraft: (stamp) => ws.send(draft(stamp)),
    close: () => ws.terminate(),
  };
}
