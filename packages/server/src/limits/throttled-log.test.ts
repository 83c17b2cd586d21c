import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ThrottledLog } from './throttled-log';

describe('throttled log', () => {
  it('writes a repeated error once per interval, with how many it stood for', () => {
    const lines: object[] = [];
    const sink = { error: (o: object) => lines.push(o), warn: () => undefined, info: () => undefined };
    let now = 0;
    const log = new ThrottledLog(sink, 1_000, () => now);
    for (let i = 0; i < 500; i++) log.error({ err: 'down' }, 'bus publish');
    log.error({ err: 'other' }, 'command failed');
    now = 1_500;
    log.error({ err: 'down' }, 'bus publish');
    assert.deepEqual(lines, [{ err: 'down' }, { err: 'other' }, { err: 'down', suppressed: 499 }]);
  });
});
