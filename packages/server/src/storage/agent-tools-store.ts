/**
 * What the Store keeps for the agents' tools (issue 12): private notes, the activity trail, tags and
 * canned responses. Part of the Store seam; covered by contract/agent-tools.contract.ts on both stores.
 */
import type { ActivityRecord, CannedResponseRecord, NoteRecord } from '../domain/agent-tools-types';

export interface CannedResponsePatch {
  shortcut?: string;
  locale?: 'en' | 'fr' | null;
  body?: string;
  now: number;
}

export interface AgentToolsStore {
  addNote(note: NoteRecord): Promise<void>;
  /** Oldest first, at most `limit` (the latest ones when there are more). */
  listNotes(conversationId: string, limit: number): Promise<NoteRecord[]>;

  recordActivity(entry: ActivityRecord): Promise<void>;
  /** Oldest first, at most `limit` (the latest ones when there are more). */
  listActivity(conversationId: string, limit: number): Promise<ActivityRecord[]>;

  /**
   * Replaces a conversation's tags (already normalised) in one transaction; returns the list before and
   * after, or undefined when there is no such conversation.
   */
  setTags(
    conversationId: string,
    tags: readonly string[],
    now: number,
  ): Promise<{ before: string[]; after: string[] } | undefined>;
  /** Tags of each conversation asked for (sorted); conversations without tags are absent. */
  tagsOf(conversationIds: readonly string[]): Promise<Map<string, string[]>>;

  /** Shared responses and those of `ownerId`, by shortcut then locale. */
  listCannedResponses(ownerId: string): Promise<CannedResponseRecord[]>;
  getCannedResponse(id: string): Promise<CannedResponseRecord | undefined>;
  /** How many an owner has (null: shared ones). */
  countCannedResponses(ownerId: string | null): Promise<number>;
  /** Throws StoreConflictError when the owner already has that shortcut in that locale. */
  createCannedResponse(canned: CannedResponseRecord): Promise<void>;
  /** undefined when there is no such response; StoreConflictError as for create. */
  updateCannedResponse(id: string, patch: CannedResponsePatch): Promise<CannedResponseRecord | undefined>;
  deleteCannedResponse(id: string): Promise<boolean>;
}
