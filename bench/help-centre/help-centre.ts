/**
 * `npm run bench -- --only help-centre [--quick]`: page times of the public help centre and of the
 * widget's help API, p50/p99, with the demo's 31+31 articles and then with 1,000 articles per language
 * (the samples copied with numbered titles and slugs, their paragraphs rotated so they differ). Each
 * page is measured side by side with its baseline in the same run: the very bytes Candor answered,
 * served as a static file by Node's bare http server. Loopback only; one request at a time from one
 * client; Candor runs in this process (as the baseline does), with a fresh SQLite store; per page at
 * most REQUESTS requests or PAGE_BUDGET_MS, whichever comes first. The per-address help limit is
 * raised for the run (the bench is one address). Writes bench/results/help-centre.{json,md}.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadSampleArticles } from '../../packages/server/src/demo/help-articles/sample-articles';
import { startTestServer, type TestServer } from '../../packages/server/src/testing/test-server';
import { machine, machineLine, table, writeReport } from '../lib/report';
import { fmt, latencySummary } from '../lib/stats';

const PAGE_BUDGET_MS = 20_000;
const WARM_UP = 20;

interface Page {
  name: string;
  path: (ids: { refund: string }) => string;
}

const PAGES: Page[] = [
  { name: '/help (English home)', path: () => '/help' },
  { name: '/help/fr (French home)', path: () => '/help/fr' },
  { name: 'article page', path: () => '/help/en/refund-method' },
  { name: 'search results page', path: () => '/help/fr?q=colis%20pas%20arriv%C3%A9' },
  { name: 'widget search API', path: () => '/api/v1/help/articles?locale=fr&q=rembourser' },
  { name: 'widget article API', path: ({ refund }) => `/api/v1/help/articles/${refund}` },
];

/** Adds `perLocale` published articles per language, made from the samples, straight into the store. */
async function addArticles(server: TestServer, perLocale: number): Promise<void> {
  const samples = loadSampleArticles();
  const now = Date.now();
  for (const locale of ['en', 'fr'] as const) {
    const own = samples.filter((s) => s.locale === locale);
    for (let i = 0; i < perLocale; i++) {
      const s = own[i % own.length]!;
      const paragraphs = s.body.split('\n\n');
      const rotated = [
        ...paragraphs.slice(i % paragraphs.length),
        ...paragraphs.slice(0, i % paragraphs.length),
      ];
      await server.store.createArticle({
        id: randomUUID(),
        locale,
        slug: `${s.slug}-${i}`,
        title: `${s.title} (${i})`,
        body: rotated.join('\n\n'),
        category: s.category,
        published: true,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}

async function timeRequests(
  url: string,
  requests: number,
): Promise<{ p50: number; p99: number; count: number }> {
  for (let i = 0; i < WARM_UP; i++) await (await fetch(url)).arrayBuffer();
  const latencies: number[] = [];
  const started = performance.now();
  while (latencies.length < requests && performance.now() - started < PAGE_BUDGET_MS) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    latencies.push(performance.now() - t);
  }
  return { ...latencySummary(latencies), count: latencies.length };
}

/** Node's bare http serving fixed bytes: the floor any page of that size costs on this machine. */
async function staticServer(
  files: Map<string, { body: Buffer; type: string }>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function measureSet(label: string, server: TestServer, requests: number) {
  const refund = (await server.store.findArticleBySlug('en', 'refund-method'))?.id ?? '';
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const p of PAGES) {
    const res = await fetch(server.url + p.path({ refund }));
    files.set(p.path({ refund }), {
      body: Buffer.from(await res.arrayBuffer()),
      type: res.headers.get('content-type') ?? '',
    });
  }
  const baseline = await staticServer(files);
  const rows: string[][] = [];
  const results: Record<string, unknown>[] = [];
  try {
    for (const p of PAGES) {
      const path = p.path({ refund });
      process.stderr.write(`  help-centre: ${label}, ${p.name}\n`);
      const candor = await timeRequests(server.url + path, requests);
      const bare = await timeRequests(baseline.url + path, requests);
      const bytes = files.get(path)?.body.length ?? 0;
      rows.push([
        label,
        p.name,
        `${(bytes / 1024).toFixed(1)} KB`,
        String(candor.count),
        fmt(candor.p50, 2),
        fmt(candor.p99, 2),
        fmt(bare.p50, 2),
        fmt(bare.p99, 2),
      ]);
      results.push({ articles: label, page: p.name, path, bytes, candor, baseline: bare });
    }
  } finally {
    await new Promise((resolve) => baseline.server.close(resolve));
  }
  return { rows, results };
}

export async function helpCentreBench({ quick }: { quick: boolean }): Promise<string> {
  const requests = quick ? 100 : 1000;
  const m = machine();
  const rows: string[][] = [];
  const results: Record<string, unknown>[] = [];
  const sets: [string, number][] = [
    ['31+31 (demo)', 0],
    ['1,000+1,000', 1000 - 31],
  ];
  for (const [label, extra] of sets) {
    const server = await startTestServer({
      demoArticlesDir: loadSampleArticlesDir(),
      helpRequestsPerMinute: 1_000_000_000,
    });
    try {
      await addArticles(server, extra);
      const set = await measureSet(label, server, requests);
      rows.push(...set.rows);
      results.push(...set.results);
    } finally {
      await server.close();
    }
  }
  m.loadAfter = loadavg()[0];
  const markdown = [
    `## Help centre and the widget's help API (up to ${requests} requests a page or ${PAGE_BUDGET_MS / 1000} s; one client, loopback)`,
    machineLine(m),
    '',
    table(
      [
        'Articles per language',
        'page',
        'size',
        'requests',
        'Candor p50 ms',
        'Candor p99 ms',
        'bare http p50 ms',
        'bare http p99 ms',
      ],
      rows,
    ),
  ].join('\n');
  writeReport('help-centre', { quick, machine: m, requests, results }, markdown);
  return markdown;
}

function loadSampleArticlesDir(): string {
  return new URL('../../packages/server/src/demo/help-articles', import.meta.url).pathname;
}
