/** Child process entry: one system under test, started on request; reports its own CPU time and RSS. */
import { childMain } from '../lib/child-main';
import { startBareRelay } from './bare-relay';
import { startCandorSystem } from './candor';
import { startSocketIoRelay } from './socketio-relay';
import { startStoringFloor } from './storing-floor';

const starters: Record<string, () => Promise<{ url: string; stop(): Promise<void> }>> = {
  candor: startCandorSystem,
  'bare-ws': startBareRelay,
  socketio: startSocketIoRelay,
  'storing-floor': startStoringFloor,
};

const server = process.argv[2] ?? '';
let stop: (() => Promise<void>) | undefined;

childMain({
  start: async () => {
    const start = starters[server];
    if (!start) throw new Error(`unknown server ${server}`);
    const system = await start();
    stop = () => system.stop();
    return { url: system.url };
  },
  exit: async () => {
    await Promise.race([stop?.(), new Promise((r) => setTimeout(r, 5_000))]);
    setTimeout(() => process.exit(0), 10);
    return true;
  },
});
