/**
 * Runs the hot statements (hot-queries.ts) as named prepared statements: PostgreSQL parses and plans
 * each once per connection instead of on every call. Its own CPU per message at 200 messages/s fell
 * from 510 to 373 µs (message-path bench, medians of three pairs); the one-statement batch (a WITH
 * over unnest) is planned once per connection instead of once per batch. Kysely's driver sends every
 * query as `client.query(text, values)`, which pg runs unnamed, so the pool handed to Kysely gives out
 * clients that name the statements it knows. Only those: names live as long as the connection, and a
 * statement text that varies (an IN-list) would pile up prepared statements on the server.
 *
 * PgBouncer in transaction mode before 1.21 cannot carry prepared statements across its server
 * connections; `preparedStatements: false` (CANDOR_DATABASE_PREPARED_STATEMENTS=false) turns this off.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';

export class NamedStatements {
  private readonly names = new Map<string, string>();
  /** One wrapper per pg client: Kysely keeps its connection objects by client identity. */
  private readonly clients = new WeakMap<PoolClient, PostgresPoolClient>();

  /** Prepares `sql` on each connection the first time it runs there. */
  add(sql: string): void {
    this.names.set(sql, `candor_${createHash('sha256').update(sql).digest('hex').slice(0, 16)}`);
  }

  pool(pool: Pool): PostgresPool {
    return {
      connect: async () => this.client(await pool.connect()),
      end: () => pool.end(),
    };
  }

  private client(client: PoolClient): PostgresPoolClient {
    let named = this.clients.get(client);
    if (named === undefined) {
      const query = (text: string, values: readonly unknown[]) => {
        const name = this.names.get(text);
        const params = [...values];
        return name === undefined ? client.query(text, params) : client.query({ name, text, values: params });
      };
      // Kysely calls query's other overload (a cursor) only when a cursor class is configured: never here.
      named = { query: query as unknown as PostgresPoolClient['query'], release: () => client.release() };
      this.clients.set(client, named);
    }
    return named;
  }
}
