/**
 * Child process entry: opens N idle widget connections to one system (Candor: hello, then nothing)
 * and holds them until told to close. Sources are spread over 127.0.0.1…127.0.0.k so repeated runs
 * never run short of ephemeral ports.
 */
import { childMain } from '../lib/child-main';
import type { Endpoints, WireProtocol } from '../lib/systems';
import { loadClientFor, type Closable } from '../clients/load-client';
import { mapLimit } from '../clients/wire';

export interface ConnectParams {
  protocol: WireProtocol;
  endpoints: Endpoints;
  count: number;
  concurrency: number;
  sourceAddresses: number;
}

let open: Closable[] = [];

childMain({
  connect: async (data) => {
    const p = data as ConnectParams;
    const client = loadClientFor(p.protocol, p.endpoints);
    const started = Date.now();
    open = await mapLimit(p.count, p.concurrency, (i) =>
      client.idle(i, `127.0.0.${1 + (i % p.sourceAddresses)}`),
    );
    return { connected: open.length, seconds: (Date.now() - started) / 1000 };
  },
  close: () => {
    for (const socket of open) socket.close();
    open = [];
    return true;
  },
});
