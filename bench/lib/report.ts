/** Where results go: JSON with every trial, and a Markdown table with the machine it ran on. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './children';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  date: string;
  commit: string;
  /** 1-minute load average before and after: above the core count, other work shared the machine. */
  loadBefore: number;
  loadAfter?: number;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString(),
    commit: commit(),
    loadBefore: loadavg()[0]!,
  };
}

/** The checked-out commit, "+dirty" when the working tree has changes (read-only git commands). */
function commit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

export function machineLine(m: Machine): string {
  const load = `load average ${m.loadBefore.toFixed(1)} → ${m.loadAfter?.toFixed(1) ?? '?'}`;
  const busy =
    Math.max(m.loadBefore, m.loadAfter ?? 0) > m.cores ? ' (**machine busy: figures taken under load**)' : '';
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.date.slice(0, 16).replace('T', ' ')} UTC; commit ${m.commit}; ${load}${busy}`;
}

export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * bench/results/<name>.json and .md; a `--quick` smoke run writes only <name>.tmp.json (git-ignored),
 * so it never replaces the published figures.
 */
export function writeReport(
  name: string,
  json: { quick: boolean } & Record<string, unknown>,
  markdown: string,
): void {
  const dir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(json, null, 2)}\n`;
  // A partial run (some systems, fewer runs) must not replace the published figures either.
  if (json.quick || process.env.BENCH_SYSTEMS || process.env.BENCH_RUNS)
    return writeFileSync(join(dir, `${name}.tmp.json`), text);
  writeFileSync(join(dir, `${name}.json`), text);
  writeFileSync(join(dir, `${name}.md`), `${markdown}\n`);
}
