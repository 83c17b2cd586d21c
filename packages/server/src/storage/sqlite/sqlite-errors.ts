/** How better-sqlite3's errors read as Store errors. */
import { errorFacts, type StoreDialect, type StoreErrorKind } from '../store-dialect';

const UNIQUE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
// Busy past busy_timeout, I/O failures, a full disk: the write did not happen and may succeed later.
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|PROTOCOL)/;

function classify(error: unknown): StoreErrorKind | undefined {
  const { codes } = errorFacts(error);
  if (codes.some((code) => UNIQUE.has(code))) return 'unique';
  if (codes.some((code) => UNAVAILABLE.test(code))) return 'unavailable';
  if (codes.includes('SQLITE_TOOBIG')) return 'invalid'; // a string or blob over SQLite's length limit
  return undefined;
}

// One process, one connection behind Kysely's mutex: transactions never interleave.
export const sqliteDialect: StoreDialect = { concurrentWriters: false, writingCtes: false, classify };
