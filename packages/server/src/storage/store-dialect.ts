/**
 * The little that differs between SQLite and PostgreSQL once both speak Kysely: how a driver error is
 * classified, where the migration bookkeeping lives, and whether other connections write concurrently.
 */

/**
 * 'unique': a unique or primary key violation. 'unavailable': the store could not be reached or gave up.
 * 'retry': the transaction lost a lock race (deadlock, serialization failure): nothing was written and
 * running it again succeeds; callers that cannot retry report it as 'unavailable'.
 * 'invalid': the store refused a value it was given (a byte it cannot hold, a number out of its column's
 * range, a string too long): the input's fault, so a client error, and running it again fails again.
 */
export type StoreErrorKind = 'unique' | 'unavailable' | 'retry' | 'invalid';

export interface StoreDialect {
  /** PostgreSQL: the schema in use, so Kysely's Migrator looks for its tables there and nowhere else. */
  readonly migrationSchema?: string;
  /**
   * Other connections write concurrently (PostgreSQL): a batch of appends locks its conversations'
   * rows first, in id order, so two batches never wait on each other in a cycle. SQLite has one writer.
   */
  readonly concurrentWriters: boolean;
  /** UPDATE and INSERT run inside WITH (PostgreSQL): a lone append is one statement, no transaction. */
  readonly writingCtes: boolean;
  classify(error: unknown): StoreErrorKind | undefined;
}

/** Codes and messages of an error, its causes and, for an AggregateError (a failed dual-stack connect), its parts. */
export function errorFacts(error: unknown): { codes: string[]; messages: string[] } {
  const codes: string[] = [];
  const messages: string[] = [];
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 16; seen++) {
    const e = pending.shift();
    if (typeof e !== 'object' || e === null) continue;
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string') codes.push(code);
    if (typeof message === 'string') messages.push(message);
    if (cause !== undefined) pending.push(cause);
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
  }
  return { codes, messages };
}
