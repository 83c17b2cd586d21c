/** The REST calls of account recovery (issue 14), shapes from protocol/recovery-schemas.ts. */
import type {
  AuditEntry,
  RecoveryAction,
  RecoveryActionView,
  RecoveryApprovalsResponse,
  RecoveryCase,
  RecoveryCodeView,
  RecoverySettings,
  RequestRecoveryActionBody,
  SupportReference,
  UpdateRecoverySettingsBody,
} from '@candor/protocol';
import { request } from '../api';
import { auditPath, type AuditFilter } from './audit-query';
import { referenceOf, settingsOf } from './responses';

const enc = encodeURIComponent;
const conversation = (id: string) => `/api/v1/conversations/${enc(id)}/recovery`;

export const recoveryApi = {
  recoveryCase: (conversationId: string) =>
    request<{ recovery: RecoveryCase }>('GET', conversation(conversationId)),
  /** To a contact on file, by its id: the console never holds (or sends) an address. */
  sendCode: (conversationId: string, contactId: string, purpose: RecoveryAction) =>
    request<{ code: RecoveryCodeView }>('POST', `${conversation(conversationId)}/codes`, {
      contactId,
      purpose,
    }),
  requestAction: (conversationId: string, body: RequestRecoveryActionBody) =>
    request<{ action: RecoveryActionView }>('POST', `${conversation(conversationId)}/actions`, body),
  approvals: () => request<RecoveryApprovalsResponse>('GET', '/api/v1/recovery/approvals'),
  decide: (actionId: string, decision: 'approve' | 'refuse', note: string) =>
    request<{ action: RecoveryActionView }>(
      'POST',
      `/api/v1/recovery/actions/${enc(actionId)}/${decision}`,
      note.trim() ? { note: note.trim() } : {},
    ),
  settings: async (): Promise<RecoverySettings> =>
    settingsOf(await request<unknown>('GET', '/api/v1/recovery/settings')),
  saveSettings: async (change: UpdateRecoverySettingsBody): Promise<RecoverySettings> =>
    settingsOf(await request<unknown>('PUT', '/api/v1/recovery/settings', change)),
  supportReference: async (conversationId: string): Promise<SupportReference> =>
    referenceOf(await request<unknown>('POST', '/api/v1/support-references', { conversationId })),
  revokeSupportReference: (reference: string) =>
    request<void>('POST', '/api/v1/support-references/revoke', { reference }),
  audit: (filter: AuditFilter) =>
    request<{ entries: AuditEntry[]; nextCursor: string | null }>('GET', auditPath(filter)),
};
