/**
 * The body of the search-terms thread (terms-thread.ts starts it): a job of message bodies in, their
 * joined terms out, in order. Nothing else runs here, so a job never waits behind chat traffic.
 */
import { parentPort } from 'node:worker_threads';
import { joinedTerms } from '../../domain/search/search-terms';
import type { TermsJob, TermsDone } from './terms-thread';

parentPort?.on('message', (job: TermsJob) => {
  const done: TermsDone = { id: job.id, terms: job.bodies.map(joinedTerms) };
  parentPort?.postMessage(done);
});
