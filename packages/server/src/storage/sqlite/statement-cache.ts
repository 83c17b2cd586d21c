import type SqliteDatabase from 'better-sqlite3';

/**
 * Kysely's SQLite driver calls `prepare` for every query, and preparing (parsing and planning the SQL)
 * cost more than running most of our statements. better-sqlite3 statements are reusable, so the
 * database handed to Kysely keeps them by SQL text. Bounded: our queries are a small fixed set, but
 * IN-lists vary with their length.
 */
export function withStatementCache(db: SqliteDatabase.Database, max = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (sql: string) => {
        let statement = cache.get(sql);
        if (!statement) {
          if (cache.size >= max) cache.clear();
          statement = target.prepare(sql);
          cache.set(sql, statement);
        }
        return statement;
      };
    },
  });
}
