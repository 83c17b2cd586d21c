/**
 * /openapi.json, as a running server serves it, passes Redocly's recommended rules (redocly.yaml) with
 * no error and no warning, and names every operation. Runs the locally installed CLI, offline.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../testing/test-server';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string }[];
}

type Operations = Record<string, Record<string, { operationId?: string }>>;

describe('the OpenAPI document', () => {
  let server: TestServer;
  let document: { paths: Operations };
  let dir: string;
  before(async () => {
    server = await startTestServer();
    document = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Operations };
    dir = mkdtempSync(join(tmpdir(), 'candor-openapi-'));
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lints clean under Redocly's recommended rules", () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');
    const run = spawnSync(
      process.execPath,
      [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    assert.ok(json, `redocly printed no report: ${run.stderr}`);
    const report = JSON.parse(json) as LintReport;
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(report.totals, { ...report.totals, errors: 0, warnings: 0 });
    assert.equal(run.status, 0);
  });

  it('gives every operation its own operationId', () => {
    const ids = Object.values(document.paths).flatMap((methods) =>
      Object.values(methods).map((op) => op.operationId),
    );
    assert.ok(ids.length > 0);
    assert.ok(
      ids.every((id) => typeof id === 'string' && id.length > 0),
      'every operation has one',
    );
    assert.equal(new Set(ids).size, ids.length, 'no two share one');
  });
});
