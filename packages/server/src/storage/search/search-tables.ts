/**
 * The search tables as Kysely sees them (migration 0010). message_search differs by dialect and is
 * queried in SQL. Type aliases, not interfaces: Kysely's withTables wants an index-signature-compatible type.
 */
export type SearchPendingTable = {
  message_id: string;
};

export type SearchTables = {
  search_pending: SearchPendingTable;
};

/** Which full-text engine a dialect matches with. */
export type FullTextEngine = 'fts5' | 'tsvector';
