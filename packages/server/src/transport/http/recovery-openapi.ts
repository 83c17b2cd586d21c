/** Account recovery's REST operations (issue 14), for openapi.ts. */
import * as s from '@candor/protocol/schemas';
import type { Op } from './openapi';

const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const query = (name: string, description: string, schema: object) => ({
  name,
  in: 'query',
  description,
  schema,
});

export function recoveryOps(): Record<string, Record<string, Op>> {
  return {
    '/api/v1/conversations/{id}/recovery': {
      get: {
        operationId: 'getRecoveryCase',
        summary: 'An account-recovery conversation’s case (agents with access to the conversation)',
        description:
          'The account the visitor named and the one on file it matched (or null), its contacts masked ' +
          '(`e•••@example.com`; picked by id, never typed), the codes sent and their status, the proofs ' +
          '("verified by a code sent to … at …"), the actions and the takeover signals. 404 for a ' +
          'conversation that is not a recovery one or that you may not read.',
        params: idParam,
        ok: [200, 'The case', s.recoveryCaseResponse],
      },
    },
    '/api/v1/conversations/{id}/recovery/codes': {
      post: {
        operationId: 'sendRecoveryCode',
        summary: 'Send a recovery code to a contact on file of the matched account',
        description:
          'The contact is one of the case’s `contacts`, by id: never an address given in the chat. The ' +
          'code (6 digits from a CSPRNG, kept only as a keyed hash) is bound to the conversation, the ' +
          'account and the purpose, works once for 10 minutes with at most 5 tries; it goes by email, or ' +
          'by text message when a provider is configured (else a phone contact is refused with 403). At ' +
          'most 3 sends an hour per account, across nodes: 429 with `Retry-After` past it. The answer ' +
          'holds the mask only; the visitor gets `recovery.status`, agents `recovery.changed`.',
        params: idParam,
        body: s.sendRecoveryCodeBody,
        ok: [201, 'The code as agents see it (never its digits)', s.sendRecoveryCodeResponse],
      },
    },
    '/api/v1/audit': {
      get: {
        operationId: 'listAudit',
        summary: 'The audit trail, newest first (admins and supervisors); never a code',
        description:
          'Every recovery code sent and tried, every action asked for, approved or refused: who, when, ' +
          'which conversation and account. 403 for agents.',
        params: [
          query('conversationId', 'Only this conversation', { type: 'string' }),
          query('cursor', '`nextCursor` of the previous page, as it was given', { type: 'string' }),
          query('limit', 'Entries per page', { type: 'integer', minimum: 1, maximum: 200, default: 50 }),
        ],
        ok: [200, 'A page of entries', s.auditResponse],
      },
    },
  };
}
