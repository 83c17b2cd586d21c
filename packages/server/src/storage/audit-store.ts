/**
 * The audit trail (issue 14): who did what, when, in which conversation, about which account. Never a
 * code, never a full contact. Part of the Store seam; covered by contract/recovery.contract.ts.
 */
export interface AuditRecord {
  id: string;
  at: number;
  actorType: 'agent' | 'visitor' | 'host' | 'system' | 'contact';
  actorId: string | null;
  actorName: string | null;
  action: string;
  conversationId: string | null;
  accountExternalId: string | null;
  detail: Record<string, string | number | boolean | null>;
}

export interface AuditStore {
  appendAudit(entry: AuditRecord): Promise<void>;
  /** Newest first; `before` continues a page after its last entry. */
  listAudit(q: {
    conversationId?: string;
    before?: { at: number; id: string };
    limit: number;
  }): Promise<AuditRecord[]>;
}
