/**
 * The real PostgreSQL for tests: where it is, whether it answers, and a describe() that skips with a
 * reason when it does not, except under CI, where a missing server is a failure.
 */
import { randomBytes } from 'node:crypto';
import { describeIf } from './describe-if';
import { Client } from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs one statement on a connection of its own, outside any store: setup, cleanup, fault injection. */
export async function adminQuery<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other run uses. */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

const unreachable = await adminQuery('select 1').then(
  () => undefined,
  (error: unknown) =>
    `PostgreSQL not reachable at ${TEST_DATABASE_URL}: ${error instanceof Error ? error.message : String(error)}`,
);

/** describe() for suites needing PostgreSQL. */
export function describeWithPostgres(name: string, body: () => void): void {
  describeIf(name, unreachable, body);
}
