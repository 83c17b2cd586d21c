/** `npm start` exits as its server child did: a child killed by a signal is never a clean stop. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { constants } from 'node:os';

const SUPERVISE = new URL('./child-exit.mjs', import.meta.url).href;

/**
 * Runs a parent process standing for its child as start.mjs does, the child running `childCode`;
 * `whenReady` is called with the parent once the child printed "ready". Resolves with the parent's
 * exit code and signal.
 */
async function runParent(
  childCode: string,
  whenReady: (parent: ReturnType<typeof spawn>) => void = () => undefined,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const parentCode = [
    `import { spawn } from 'node:child_process';`,
    `import { superviseChild } from ${JSON.stringify(SUPERVISE)};`,
    `superviseChild(spawn(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: 'inherit' }));`,
  ].join('\n');
  const parent = spawn(process.execPath, ['--input-type=module', '-e', parentCode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  parent.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('ready')) whenReady(parent);
  });
  const [code, signal] = (await once(parent, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal };
}

describe('npm start exit status', () => {
  it('exits 128 + 9 when the server is killed by SIGKILL', async () => {
    const result = await runParent(`process.kill(process.pid, 'SIGKILL')`);
    assert.deepEqual(result, { code: 128 + constants.signals.SIGKILL, signal: null });
  });

  it('exits 128 + 15 when the server dies of a SIGTERM the parent did not send', async () => {
    const result = await runParent(`process.kill(process.pid, 'SIGTERM')`);
    assert.deepEqual(result, { code: 128 + constants.signals.SIGTERM, signal: null });
  });

  it("exits with the server's own code when it fails", async () => {
    assert.deepEqual(await runParent('process.exit(3)'), { code: 3, signal: null });
  });

  it('exits 0 when it passed SIGTERM on and the server stopped cleanly', async () => {
    const server = `process.on('SIGTERM', () => process.exit(0)); console.log('ready'); setInterval(() => {}, 1000);`;
    const result = await runParent(server, (parent) => parent.kill('SIGTERM'));
    assert.deepEqual(result, { code: 0, signal: null });
  });
});
