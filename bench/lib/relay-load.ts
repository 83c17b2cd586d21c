/**
 * Child process entry: the load generator of the message-path and draft-relay benchmarks. Visitors,
 * each in its own conversation, send stamped messages or drafts; agent sockets (conversations split
 * between them) receive them. `setup` connects everything; `run` warms up, asks the parent to snapshot
 * the server at both edges of the measuring window, then drains and reports.
 */
import { childMain } from './child-main';
import { Recorder, type WindowResult } from './recorder';
import { closedLoop, fixedRate, type Sender } from './senders';
import type { Endpoints, Placement, WireProtocol } from './systems';
import { loadClientFor, type Closable, type LoadVisitor } from '../clients/load-client';
import { mapLimit } from '../clients/wire';
import { stampNow } from '../clients/stamp';

export interface RelayLoadParams {
  protocol: WireProtocol;
  endpoints: Endpoints;
  what: 'message' | 'draft';
  /** Two-node systems only; default crossing. */
  placement?: Placement;
  visitors: number;
  agents: number;
  mode: { type: 'rate'; perSecond: number } | { type: 'max'; window: number; perVisitorHz: number };
  warmupS: number;
  measureS: number;
  /** After the window: how long to wait for frames still on their way. */
  drainS: number;
}

export type RelayLoadResult = WindowResult & { setupS: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const recorder = new Recorder();
let params: RelayLoadParams;
let visitors: LoadVisitor[] = [];
let agents: Closable[] = [];
let setupS = 0;
let sender: Sender | undefined;

const rpc = childMain({
  setup: async (data) => {
    params = data as RelayLoadParams;
    const started = Date.now();
    const client = loadClientFor(params.protocol, params.endpoints);
    const preview = params.what === 'draft';
    visitors = await mapLimit(params.visitors, 50, (i) =>
      client.visitor(i, { preview, onError: (text) => (recorder.error(text), sender?.pump()) }),
    );
    const ids = visitors.map((v) => v.conversationId);
    const onFrame = (frame: Buffer) => {
      recorder.received(frame);
      sender?.pump();
    };
    agents = await Promise.all(
      Array.from({ length: params.agents }, (_, a) =>
        client.agent(
          ids.filter((_id, i) => i % params.agents === a),
          onFrame,
        ),
      ),
    );
    setupS = (Date.now() - started) / 1000;
    return { setupS };
  },
  run: async (): Promise<RelayLoadResult> => {
    const send =
      params.what === 'message'
        ? (i: number) => visitors[i]!.sendMessage(stampNow())
        : (i: number) => visitors[i]!.sendDraft(stampNow());
    const { mode } = params;
    sender =
      mode.type === 'rate'
        ? fixedRate(mode.perSecond, visitors.length, send, recorder)
        : closedLoop({ ...mode, visitors: visitors.length }, send, recorder);
    await sleep(params.warmupS * 1000);
    await rpc.call('mark', 'start');
    recorder.openWindow();
    await sleep(params.measureS * 1000);
    recorder.closeWindow();
    await rpc.call('mark', 'end');
    sender.stop();
    const deadline = Date.now() + params.drainS * 1000;
    while (recorder.receivedTotal + recorder.errors < recorder.sentTotal && Date.now() < deadline)
      await sleep(50);
    for (const socket of [...visitors, ...agents]) socket.close();
    return { ...recorder.result(), setupS };
  },
});
