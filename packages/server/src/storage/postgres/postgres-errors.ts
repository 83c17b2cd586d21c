/** How node-postgres errors read as Store errors. */
import { errorFacts, type StoreDialect, type StoreErrorKind } from '../store-dialect';

const UNIQUE_VIOLATION = '23505';
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown: the server is restarting
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: still starting up
  '53300', // too_many_connections
]);
const RETRY_CODES = new Set([
  '40001', // serialization_failure: nothing was written, a retry succeeds
  '40P01', // deadlock_detected: likewise
]);
// pg reports a lost socket or a pool wait that timed out with a message and no code.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable/i;

// Class 22, data exception: the value given cannot be kept (22021 invalid byte sequence, as U+0000 in
// text; 22P05 untranslatable character; 22001 string too long; 22003 number out of range; ...).
const DATA_EXCEPTION_CLASS = '22';

function classify(error: unknown): StoreErrorKind | undefined {
  const { codes, messages } = errorFacts(error);
  if (codes.includes(UNIQUE_VIOLATION)) return 'unique';
  if (codes.some((code) => code.startsWith(DATA_EXCEPTION_CLASS))) return 'invalid';
  if (codes.some((code) => RETRY_CODES.has(code))) return 'retry';
  if (codes.some((code) => UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return 'unavailable';
  if (messages.some((message) => UNAVAILABLE_MESSAGES.test(message))) return 'unavailable';
  return undefined;
}

export function postgresDialect(schema: string): StoreDialect {
  return { migrationSchema: schema, concurrentWriters: true, writingCtes: true, classify };
}
