/** The agents' tools as stored (issue 12): private notes, the activity trail, canned responses. */
import type { ActivityKind } from '@candor/protocol';
import type { AuthorType } from './types';

/** A private note: agents only. Kept apart from messages, so it takes no seq in the visitor's stream. */
export interface NoteRecord {
  id: string;
  conversationId: string;
  authorId: string;
  body: string;
  createdAt: number;
}

export type ActivityDetail = Record<string, string | string[] | null>;

export interface ActivityRecord {
  id: string;
  conversationId: string;
  kind: ActivityKind;
  actorType: AuthorType;
  /** null: the system (e.g. the router). */
  actorId: string | null;
  detail: ActivityDetail;
  createdAt: number;
}

export interface CannedResponseRecord {
  id: string;
  /** null: shared by every agent, managed by admins. */
  ownerId: string | null;
  shortcut: string;
  /** The language it is written in; null: any (offered to every visitor, after their language's). */
  locale: 'en' | 'fr' | null;
  body: string;
  createdAt: number;
  updatedAt: number;
}
