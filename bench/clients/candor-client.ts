/**
 * Candor's side, over the real protocol: visitors say hello and open a conversation with a first
 * message (and, for drafts, subscribe and switch the typing preview on with the notice shown); agents
 * log in over REST once, say hello and subscribe to their conversations within the frame rate limit.
 */
import type WebSocket from 'ws';
import { PROTOCOL_VERSION, WS_PATHS } from '@candor/protocol';
import type { Endpoints } from '../lib/systems';
import { BENCH_ADMIN } from './candor-admin';
import { frameSender } from './frames';
import type { LoadClient } from './load-client';
import { toWs, visitorUrlFor } from './load-client';
import { openSocket, waitFor } from './wire';

/** Frames per socket the server allows: 20/s with a burst of 40. Stay under both. */
const SUBSCRIBE_BURST = 30;
const SUBSCRIBE_INTERVAL_MS = 1000 / 18;
const SUBSCRIBES_IN_FLIGHT = 16;
const HELLO = JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION });
const isError = (t: string) => t.startsWith('{"type":"error"');

async function request(ws: WebSocket, frame: { type: string; ref: string } & Record<string, unknown>) {
  const reply = waitFor(ws, (t) => t.includes(`"ref":"${frame.ref}"`));
  ws.send(JSON.stringify(frame));
  const parsed = JSON.parse(await reply) as Record<string, unknown>;
  if (parsed.type === 'error') throw new Error(`${String(frame.ref)} refused: ${JSON.stringify(parsed)}`);
  return parsed;
}

async function hello(
  url: string,
  headers?: Record<string, string>,
  localAddress?: string,
): Promise<WebSocket> {
  const ws = await openSocket(url, {
    ...(headers ? { headers } : {}),
    ...(localAddress ? { localAddress } : {}),
  });
  const welcome = waitFor(ws, (t) => t.startsWith('{"type":"welcome"') || isError(t));
  ws.send(HELLO);
  const text = await welcome;
  if (isError(text)) throw new Error(`hello refused: ${text}`);
  return ws;
}

export function candorClient(endpoints: Endpoints): LoadClient {
  const visitorUrl = (index: number) => `${toWs(visitorUrlFor(endpoints, index))}${WS_PATHS.visitor}`;
  let cookie: Promise<string> | undefined;
  return {
    async visitor(index, options) {
      const ws = await hello(visitorUrl(index));
      const ack = await request(ws, {
        type: 'message.send',
        ref: 'setup',
        conversationId: null,
        clientKey: 'setup',
        body: 'Hello, I have a question about my order.',
      });
      const conversationId = (ack.message as { conversationId: string }).conversationId;
      if (options.preview) {
        await request(ws, { type: 'conversation.subscribe', ref: 'sub', conversationId, afterSeq: 0 });
        await request(ws, {
          type: 'preview.set',
          ref: 'pv',
          conversationId,
          enabled: true,
          noticeShown: true,
        });
      }
      ws.on('message', (data: Buffer) => {
        if (data[9] === 0x65 /* e */ && isError(data.toString())) options.onError(data.toString());
      });
      return frameSender(ws, conversationId);
    },
    async agent(conversationIds, onFrame) {
      cookie ??= logIn(endpoints.agentUrl);
      const ws = await hello(`${toWs(endpoints.agentUrl)}${WS_PATHS.agent}`, { cookie: await cookie });
      await subscribeAll(ws, conversationIds);
      ws.on('message', onFrame);
      return { close: () => ws.terminate() };
    },
    async idle(index, localAddress) {
      const ws = await hello(visitorUrl(index), undefined, localAddress);
      return { close: () => ws.terminate() };
    },
  };
}

/**
 * Subscribes one socket to many conversations: under the frame rate limit, and with few replies
 * outstanding, since the server refuses a socket more than 64 frames waiting behind the running one.
 */
async function subscribeAll(ws: WebSocket, conversationIds: string[]): Promise<void> {
  let answered = 0;
  let refusal: string | undefined;
  let wake = () => undefined as void;
  const onMessage = (data: Buffer) => {
    const text = data.toString();
    if (isError(text)) refusal = text;
    else if (text.startsWith('{"type":"conversation.history"')) answered++;
    wake();
  };
  const until = async (done: () => boolean) => {
    const deadline = Date.now() + 120_000;
    while (!done() && refusal === undefined) {
      if (Date.now() > deadline) throw new Error('subscribing timed out');
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
    if (refusal !== undefined) throw new Error(`subscribe refused: ${refusal}`);
  };
  ws.on('message', onMessage);
  try {
    for (const [i, conversationId] of conversationIds.entries()) {
      if (i >= SUBSCRIBE_BURST) await new Promise((r) => setTimeout(r, SUBSCRIBE_INTERVAL_MS));
      await until(() => i - answered < SUBSCRIBES_IN_FLIGHT);
      ws.send(JSON.stringify({ type: 'conversation.subscribe', conversationId, afterSeq: 0 }));
    }
    await until(() => answered === conversationIds.length);
  } finally {
    ws.off('message', onMessage);
  }
}

async function logIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  if (res.status !== 200) throw new Error(`login failed: HTTP ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
