/**
 * A query built and compiled once, then run with fresh parameters. Building a Kysely query (operation
 * nodes, frozen copies, the compiler's visit) costs more CPU than SQLite takes to run a simple statement,
 * and the hot statements differ only in their values. The SQL comes from the store's own Kysely instance,
 * so it is in that dialect (`?` or `$1`); named stand-ins mark which parameter slot takes which value.
 */
import { createQueryId, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './database';

type Values = Record<string, unknown>;
/** Where a compiled parameter's value comes from: a named value, or a constant of the query. */
type Slot = { name: string } | { constant: unknown };

/** Stands in for the value named `name` while the query is built. */
export type Param<P extends Values> = <K extends keyof P & string>(name: K) => P[K];

export interface PreparedQuery<P extends Values, R> {
  readonly sql: string;
  /** Runs on `db`, which may be a transaction of the instance the query was prepared with. */
  execute(db: Kysely<Database>, values: P): Promise<QueryResult<R>>;
}

// A parameter value no caller passes: a NUL, then the name.
const STAND_IN = '\u0000candor-param:';

/**
 * `build` gets `param(name)` to use wherever a value of `P` goes; values given as constants stay constant.
 * Every `param` must become a parameter of the compiled query (not, e.g., an identifier).
 */
export function prepareQuery<P extends Values, R>(
  db: Kysely<Database>,
  build: (param: Param<P>) => Compilable<R>,
): PreparedQuery<P, R> {
  const named = new Set<string>();
  const param = <K extends keyof P & string>(name: K): P[K] => {
    named.add(name);
    return `${STAND_IN}${name}` as P[K];
  };
  const compiled = build(param).compile();
  const slots = compiled.parameters.map((value): Slot =>
    typeof value === 'string' && value.startsWith(STAND_IN)
      ? { name: value.slice(STAND_IN.length) }
      : { constant: value },
  );
  const used = new Set(slots.flatMap((slot) => ('name' in slot ? [slot.name] : [])));
  const lost = [...named].filter((name) => !used.has(name));
  if (lost.length > 0) throw new Error(`prepared query lost parameters ${lost.join(', ')}: ${compiled.sql}`);
  const { sql, query } = compiled;
  return {
    sql,
    execute(on, values) {
      const parameters = slots.map((slot) => ('name' in slot ? values[slot.name] : slot.constant));
      // A query id of its own per run, as a freshly compiled query has (plugins key their state on it).
      const run: CompiledQuery<R> = { sql, query, parameters, queryId: createQueryId() };
      return on.executeQuery(run);
    },
  };
}
