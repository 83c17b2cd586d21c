/** The storage seam as the rest of the server sees it. Only app.ts and the CLI should open a store. */
export type {
  AppendResult,
  ConversationPatch,
  ConversationQuery,
  LastMessage,
  NewMessage,
  Store,
} from './store';
export { StoreConflictError, StoreInvalidInputError, StoreUnavailableError } from './store';
export { StoreNotFoundError } from './not-found-error';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store';
export { openPostgresStore, type PostgresStoreOptions } from './postgres/postgres-store';
