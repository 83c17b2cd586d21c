/**
 * The embedded default: one SQLite file through better-sqlite3. Kysely's SqliteDriver holds a single
 * connection behind a mutex, so transactions in one process never interleave.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database';
import { KyselyStore, type KyselyStoreOptions } from '../kysely-store';
import type { Store } from '../store';
import { sqliteDialect } from './sqlite-errors';
import { withStatementCache } from './statement-cache';

export interface SqliteStoreOptions extends KyselyStoreOptions {
  /** A file path, or ':memory:' for a throwaway store. The parent directory is created if missing. */
  file: string;
}

export function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  try {
    if (options.file !== ':memory:' && options.file !== '')
      mkdirSync(dirname(options.file), { recursive: true });
    const sqlite = new SqliteDatabase(options.file);
    sqlite.pragma('journal_mode = WAL');
    // FULL syncs the WAL on every commit: a message is acknowledged only once it survives a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return Promise.resolve(new KyselyStore(db, sqliteDialect, options));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
