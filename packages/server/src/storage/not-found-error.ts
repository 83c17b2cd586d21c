/** The record a write depends on does not exist (e.g. appending to an unknown conversation). Not retryable. */
export class StoreNotFoundError extends Error {
  override readonly name = 'StoreNotFoundError';
}
