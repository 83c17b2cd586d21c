/**
 * The search tables as Kysely sees them (migration 0013). message_search (SQLite's FTS5 table) and
 * messages.search_terms (PostgreSQL's tsvector) are queried in SQL. Type aliases, not interfaces:
 * Kysely's withTables wants an index-signature-compatible type.
 */
export type SearchProgressTable = {
  id: number;
  /** SQLite: every message up to this rowid is in message_search. */
  indexed_rowid: number;
};

export type SearchTables = {
  search_progress: SearchProgressTable;
};

/** Which full-text engine a dialect matches with. */
export type FullTextEngine = 'fts5' | 'tsvector';
