/**
 * The search seam of the Store: full text over every message ever stored, matched by the terms of
 * domain/search (the same on both stores), filtered like an inbox list. Contract: contract/search.contract.ts.
 */
import type { ConversationRecord, MessageRecord } from '../../domain/types';
import type { SearchTerms } from '../../domain/search/search-query';
import type { ConversationFilter } from '../store';

/**
 * What a search is narrowed to. The conversation part is ConversationFilter itself, applied by the same
 * code as inbox lists (conversation-queries.ts `filtered`), so a filter added there (team, tag) narrows
 * searches too; `from`/`to` bound when the matching message was written.
 */
export interface SearchFilter extends ConversationFilter {
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
}

/** Where a page ended: the last conversation listed, in the order of the results. */
export interface SearchCursor {
  updatedAt: number;
  id: string;
}

export interface SearchRequest {
  terms: SearchTerms;
  filter: SearchFilter;
  limit: number;
  after?: SearchCursor;
}

export interface SearchHit {
  conversation: ConversationRecord;
  /** The newest matching messages (at most matchesPerConversation), newest first. */
  matches: MessageRecord[];
  /** How many of the conversation's messages match (within from/to). */
  matchCount: number;
}

export interface SearchPage {
  /** Conversations with a matching message, most recently updated first, ties by id. */
  hits: SearchHit[];
  /** Set when there may be more: pass it as `after` for the next page. */
  next?: SearchCursor;
}

export interface SearchStore {
  /** Indexes what is not yet first, so every message stored before the call is found. */
  searchConversations(request: SearchRequest): Promise<SearchPage>;
  /**
   * Indexes up to `limit` messages not indexed yet, in one transaction; how many it looked at (fewer
   * than `limit`: nothing is left). Safe on several nodes at once.
   */
  indexPendingMessages(limit: number): Promise<number>;
}
