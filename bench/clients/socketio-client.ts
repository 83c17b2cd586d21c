/**
 * The Socket.IO relay's side, speaking Engine.IO 4 / Socket.IO 5 packets over a raw `ws` socket
 * (`0` open, `40` connect, `2`/`3` ping/pong, `42[event,data]`, `42<id>[…]` with an ack `43<id>[…]`),
 * so the generator costs the same per frame as for the other systems (no socket.io-client overhead).
 */
import type WebSocket from 'ws';
import type { Endpoints } from '../lib/systems';
import { STAMP_WORD } from './stamp';
import type { LoadClient } from './load-client';
import { toWs, visitorUrlFor } from './load-client';
import { openSocket, waitFor } from './wire';

const PING = 0x32; // '2'

/** Opens the socket and joins the main namespace: `0{…}` from the server, `40` back, `40{…}` again. */
async function connect(baseUrl: string, query: string, localAddress?: string): Promise<WebSocket> {
  let connected: Promise<string> | undefined;
  const ws = await openSocket(`${toWs(baseUrl)}/socket.io/?EIO=4&transport=websocket${query}`, {
    ...(localAddress ? { localAddress } : {}),
    prepare: (socket) => {
      connected = waitFor(socket, (t) => t.startsWith('40'));
      connected.catch(() => undefined); // awaited below, unless opening fails first
      socket.once('message', () => socket.send('40')); // the open packet, sent with the handshake
      socket.on('message', (data: Buffer) => {
        if (data.length === 1 && data[0] === PING) socket.send('3');
      });
    },
  });
  await connected;
  return ws;
}

export function socketIoClient(endpoints: Endpoints): LoadClient {
  return {
    async visitor(index) {
      const conversationId = `conv-${index}`;
      const ws = await connect(visitorUrlFor(endpoints, index), `&c=${conversationId}`);
      const head = `["message",{"conversationId":"${conversationId}","clientKey":"k`;
      const draftHead = `42["draft",{"conversationId":"${conversationId}","text":"${STAMP_WORD}`;
      let n = 0;
      return {
        conversationId,
        sendMessage: (stamp) => {
          n++;
          ws.send(`42${n}${head}${n}","body":"${STAMP_WORD}${stamp}"}]`);
        },
        sendDraft: (stamp) => ws.send(`${draftHead}${stamp}"}]`),
        close: () => ws.terminate(),
      };
    },
    async agent(conversationIds, onFrame) {
      const ws = await connect(endpoints.agentUrl, '');
      const subscribed = waitFor(ws, (t) => t.startsWith('430'));
      ws.send(`420${JSON.stringify(['subscribe', conversationIds])}`);
      await subscribed;
      ws.on('message', onFrame);
      return { close: () => ws.terminate() };
    },
    async idle(index, localAddress) {
      const ws = await connect(visitorUrlFor(endpoints, index), `&c=idle-${index}`, localAddress);
      return { close: () => ws.terminate() };
    },
  };
}
