/**
 * `npm run bench [-- --quick] [-- --only <name>]`: runs the benchmarks, each system side by side with
 * the baselines in the same run, and writes bench/results/<name>.{json,md}. Every child process is
 * ended at the end, on error, and on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { cleanUpEverything, killChildrenOnExit } from './lib/children';
import { PROFILE_DIR } from './lib/systems';
import { messagePath } from './message-path/message-path';
import { idleConnections } from './idle-connections/idle-connections';
import { draftRelay } from './draft-relay/draft-relay';
import { scaleOut } from './scale-out/scale-out';
import { searchBench } from './search/search';
import { assignment } from './assignment/assignment';
import { botAnswer } from './bot/bot-answer';
import { helpCentreBench } from './help-centre/help-centre';

const BENCHES: Record<string, (o: { quick: boolean }) => Promise<string>> = {
  'message-path': messagePath,
  'idle-connections': idleConnections,
  'draft-relay': draftRelay,
  'scale-out': scaleOut,
  search: searchBench,
  assignment,
  'bot-answer': botAnswer,
  'help-centre': helpCentreBench,
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      profile: { type: 'boolean', default: false },
      // For working on one system: `--systems candor-sqlite,bare-ws --runs 1`. Published figures use
      // every system and at least three runs.
      systems: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  if (values.profile) {
    process.env.BENCH_PROFILE = '1';
    process.stderr.write(`CPU profiles of the systems under test go to ${PROFILE_DIR}\n`);
  }
  if (values.systems) process.env.BENCH_SYSTEMS = values.systems;
  if (values.runs) process.env.BENCH_RUNS = values.runs;
  const names = values.only?.flatMap((n) => n.split(',')) ?? Object.keys(BENCHES);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    process.stderr.write(
      `unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`,
    );
    return 2;
  }
  killChildrenOnExit();
  for (const name of names) {
    process.stdout.write(`\n${await BENCHES[name]!({ quick: values.quick })}\n`);
  }
  return 0;
}

main().then(
  async (code) => {
    await cleanUpEverything();
    process.exit(code);
  },
  async (err: unknown) => {
    process.stderr.write(
      `bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    await cleanUpEverything();
    process.exit(1);
  },
);
