/** The bare relay's side: the same frame bytes as Candor's, routed by the visitor's URL. */
import type { Endpoints } from '../lib/systems';
import { frameSender } from './frames';
import type { LoadClient } from './load-client';
import { toWs, visitorUrlFor } from './load-client';
import { openSocket, waitFor } from './wire';

export function bareClient(endpoints: Endpoints): LoadClient {
  const visitorBase = (index: number) => toWs(visitorUrlFor(endpoints, index));
  return {
    async visitor(index) {
      const conversationId = `conv-${index}`;
      const ws = await openSocket(`${visitorBase(index)}/visitor?c=${conversationId}`);
      return frameSender(ws, conversationId);
    },
    async agent(conversationIds, onFrame) {
      const ws = await openSocket(`${toWs(endpoints.agentUrl)}/agent`);
      const subscribed = waitFor(ws, (t) => t.startsWith('{"subscribed"'));
      ws.send(JSON.stringify({ subscribe: conversationIds }));
      await subscribed;
      ws.on('message', onFrame);
      return { close: () => ws.terminate() };
    },
    async idle(index, localAddress) {
      const ws = await openSocket(
        `${visitorBase(index)}/visitor?c=idle-${index}`,
        localAddress ? { localAddress } : {},
      );
      return { close: () => ws.terminate() };
    },
  };
}
