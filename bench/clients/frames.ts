/**
 * Candor's visitor frames as text, built from a fixed head and a counter so a send is one string
 * concatenation. The bare relay is sent exactly these bytes.
 */
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
