import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { runDoctor } from './doctor';

describe('candor doctor', () => {
  it('passes on a fresh embedded setup, warning about what to decide', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'candor-doctor-'));
    try {
      const lines: string[] = [];
      const config = { ...loadConfig({}), dataDir, allowedOrigins: ['*'] };
      await runDoctor(config, (l) => lines.push(l));
      assert.ok(lines.some((l) => l.startsWith('✓ store SQLite answers')));
      assert.ok(lines.some((l) => l.startsWith('! CANDOR_ALLOWED_ORIGINS is *')));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails, saying why, when the store is unreachable or an origin is malformed', async () => {
    const lines: string[] = [];
    const config = {
      ...loadConfig({}),
      databaseUrl: 'postgres://postgres@127.0.0.1:1/test',
      allowedOrigins: ['https://shop.example/path'],
    };
    assert.equal(await runDoctor(config, (l) => lines.push(l)), false);
    assert.ok(
      lines.some((l) => l.startsWith('✗') && /PostgreSQL|store/.test(l)),
      lines.join('\n'),
    );
    assert.ok(lines.some((l) => l.startsWith('✗ "https://shop.example/path" is not an origin')));
  });
});
