/**
 * PostgreSQL through a pg Pool, for several nodes sharing one database. A restart of the server must
 * never crash the process: every pooled client carries an error listener, and failed calls surface as
 * StoreUnavailableError.
 */
import { Kysely } from 'kysely';
import { Pool, TypeOverrides } from 'pg';
import type { Database } from '../database';
import { KyselyStore, type KyselyStoreOptions } from '../kysely-store';
import type { Store } from '../store';
import { NamedStatements } from './named-statements';
import { postgresDialect } from './postgres-errors';
import { OneSchemaPostgresDialect } from './schema-introspector';

export interface PostgresStoreOptions extends KyselyStoreOptions {
  url: string;
  /** A schema to keep the tables in (created by migrate()); default: public. Lower-case identifier. */
  schema?: string;
  /** How long a call waits for a connection before failing with StoreUnavailableError; default 5000. */
  connectTimeoutMs?: number;
  /** Pool size; default 10. */
  maxConnections?: number;
  /**
   * Run the statements every message runs as named prepared statements (named-statements.ts); default
   * true. Off for PgBouncer in transaction mode before 1.21.
   */
  preparedStatements?: boolean;
  /** Told about connection errors that happen between calls (e.g. a server restart); default: ignored. */
  onConnectionError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const INT8_OID = 20;

export function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) return Promise.reject(new Error(`invalid schema name: ${schema}`));
  // Times and counts are int8; epoch milliseconds fit a JS number. Per pool, so pg's globals stay untouched.
  const types = new TypeOverrides();
  types.setTypeParser(INT8_OID, (value: string) => Number(value));
  const pool = new Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    options: `-c search_path=${schema}`,
    types,
  });
  // A lost connection emits 'error' on its client; unheard, that event would crash the process. Idle
  // clients also forward it to the pool, so the pool's listener stays silent to avoid reporting twice.
  // A call that was using the client still rejects, with StoreUnavailableError.
  pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)));
  pool.on('error', () => undefined);
  const named = new NamedStatements();
  const prepared = options.preparedStatements ?? true;
  const db = new Kysely<Database>({
    dialect: new OneSchemaPostgresDialect({ pool: prepared ? named.pool(pool) : pool }, schema),
  });
  const store = new KyselyStore(db, postgresDialect(schema), options);
  for (const statement of store.hotStatements) named.add(statement);
  return Promise.resolve(store);
}
