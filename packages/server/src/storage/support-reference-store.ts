/**
 * What the Store keeps of support references (issue 14, migration 0022): by the hash of the reference,
 * who gave it and until when. Part of the Store seam; covered by contract/support-references.contract.ts.
 */
export interface SupportReferenceRecord {
  /** SHA-256 (hex) of the normalised reference. */
  referenceHash: string;
  agentId: string;
  conversationId: string | null;
  issuedAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface SupportReferenceStore {
  /** Throws StoreConflictError, writing nothing, when a reference with this hash exists already. */
  createSupportReference(reference: SupportReferenceRecord): Promise<void>;
  /** The reference with this hash, current or not (the domain decides), or undefined. */
  findSupportReference(referenceHash: string): Promise<SupportReferenceRecord | undefined>;
  /** Marks it revoked at `at` unless it already was; whether this call did. */
  revokeSupportReference(referenceHash: string, at: number): Promise<boolean>;
  /** Deletes references that expired before `now`: a stale one answers exactly like an unknown one. */
  pruneSupportReferences(now: number): Promise<number>;
}
