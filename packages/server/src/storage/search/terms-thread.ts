/**
 * Search terms computed off the event loop. Stemming a word the node has not seen before costs a few
 * microseconds, nearly every message brings one (a name, a typo, a reference), and on one node the event
 * loop is what limits throughput: a batch of appends (PostgreSQL, which stores the terms in the message's
 * row) or of messages to index (SQLite) hands its bodies to a worker thread, and the loop reads sockets
 * meanwhile. A batch too small to repay the round trip is computed here, as is every job when the worker
 * cannot start or has died: terms are a pure function of the body, so either thread gives the same.
 */
import { Worker } from 'node:worker_threads';
import { joinedTerms } from '../../domain/search/search-terms';

export interface TermsJob {
  id: number;
  bodies: readonly string[];
}

export interface TermsDone {
  id: number;
  terms: string[];
}

/** Below this many bodies a job is computed on the calling thread. */
const MIN_OFFLOADED = 8;

export class TermsThread {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 0;
  private readonly jobs = new Map<number, { bodies: readonly string[]; resolve: (t: string[]) => void }>();

  constructor(private readonly minOffloaded = MIN_OFFLOADED) {}

  /** Whether jobs go to the worker thread (false before the first one, and once it has died). */
  get offloading(): boolean {
    return this.worker !== undefined;
  }

  /**
   * One body's terms, computed with every other body asked for in the same turn of the event loop (one
   * job, on the worker when there are enough): an append asks when it is submitted, so its terms are
   * ready by the time its batch is written, computed while the batch before it was being committed.
   */
  termsSoon(body: string): Promise<string> {
    return new Promise((resolve) => {
      this.soon.push({ body, resolve });
      if (this.soon.length === 1) setImmediate(() => this.flushSoon());
    });
  }

  private soon: { body: string; resolve: (terms: string) => void }[] = [];

  private flushSoon(): void {
    const asked = this.soon;
    this.soon = [];
    void this.termsOf(asked.map((a) => a.body)).then((terms) =>
      asked.forEach((a, i) => a.resolve(terms[i] ?? joinedTerms(a.body))),
    );
  }

  /** The joined terms (search-terms.ts `joinedTerms`) of each body, in order. */
  termsOf(bodies: readonly string[]): Promise<string[]> {
    const worker = bodies.length >= this.minOffloaded ? this.started() : undefined;
    if (worker === undefined) return Promise.resolve(bodies.map(joinedTerms));
    const id = this.nextId++;
    const job: TermsJob = { id, bodies };
    return new Promise((resolve) => {
      this.jobs.set(id, { bodies, resolve });
      worker.postMessage(job);
      if (this.jobs.size === 1) worker.ref(); // held alive while a job is out, never longer
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.broken = true;
    this.worker = undefined;
    this.computeHere();
    await worker?.terminate();
  }

  private started(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = startWorker();
      worker.unref();
      worker.on('message', (done: TermsDone) => {
        const job = this.jobs.get(done.id);
        this.jobs.delete(done.id);
        if (this.jobs.size === 0) worker.unref();
        job?.resolve(done.terms);
      });
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  /** The worker is gone: what it had is computed here, and so is everything after. */
  private fail(): void {
    this.broken = true;
    this.worker = undefined;
    this.computeHere();
  }

  private computeHere(): void {
    for (const { bodies, resolve } of this.jobs.values()) resolve(bodies.map(joinedTerms));
    this.jobs.clear();
  }
}

/**
 * In a build the worker's body is bundled beside the server's bundle as search-terms-worker.js
 * (scripts/build.mjs, bench/lib/system-bundle.ts). From source (tests, under tsx) it is the .ts file
 * beside this one, and a worker thread does not inherit tsx's loader: it registers it first.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./search-terms-worker.js', import.meta.url));
  const body = JSON.stringify(new URL('./terms-worker.ts', import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${body}); })`, {
    eval: true,
  });
}
