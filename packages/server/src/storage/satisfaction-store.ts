/**
 * What the Store keeps for satisfaction and business hours (issue 13). Part of the Store seam; covered
 * by contract/satisfaction.contract.ts on both stores.
 */
export interface RatingRecord {
  id: string;
  conversationId: string;
  inboxId: string;
  visitorId: string;
  /** Which resolution of the conversation is rated (1 for the first). */
  resolution: number;
  /** 1 to 5. */
  score: number;
  /** '' when the visitor left none. */
  comment: string;
  createdAt: number;
}

/** Which ratings a report counts. */
export interface RatingFilter {
  inboxIds: readonly string[];
  /** Only ratings of conversations assigned to this agent (now). */
  agentId?: string;
  /** createdAt >= from, < to. */
  from?: number;
  to?: number;
}

export interface RatingQuery extends RatingFilter {
  conversationId?: string;
  /** Newest first; with a cursor, only ratings after it in that order. */
  after?: { createdAt: number; id: string };
  limit: number;
}

export interface RatingCount {
  inboxId: string;
  agentId: string | null;
  score: number;
  count: number;
}

export interface SatisfactionStore {
  /** Stores the rating; false, writing nothing, when that resolution of the conversation is rated already. */
  addRating(rating: RatingRecord): Promise<boolean>;
  listRatings(query: RatingQuery): Promise<RatingRecord[]>;
  /**
   * How many ratings of each score per inbox and per assignee of the rated conversation (null: nobody):
   * counted by the database, at most inboxes x agents x 5 rows, never the ratings themselves.
   */
  countRatings(filter: RatingFilter): Promise<RatingCount[]>;
  /** How many times the conversation was resolved (its activity trail's 'resolved' lines). */
  countResolutions(conversationId: string): Promise<number>;

  /** The inbox's business hours as JSON text; undefined when never set (always open). */
  inboxHours(inboxId: string): Promise<string | undefined>;
  /** Every inbox's hours that were set, by inbox id. */
  allInboxHours(): Promise<Map<string, string>>;
  setInboxHours(inboxId: string, schedule: string, now: number): Promise<void>;
}
