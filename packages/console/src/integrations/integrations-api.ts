/** The REST calls of the integrations page (issue 14), shapes from protocol/host-api-schemas.ts. */
import type {
  ApiToken,
  CreateApiTokenBody,
  CreateApiTokenResponse,
  CreateWebhookBody,
  CreateWebhookResponse,
  Webhook,
  WebhookDelivery,
} from '@candor/protocol';
import { request } from '../api';

const enc = encodeURIComponent;

export const integrationsApi = {
  listTokens: () => request<{ tokens: ApiToken[] }>('GET', '/api/v1/api-tokens'),
  /** The token is in this answer only. */
  createToken: (body: CreateApiTokenBody) =>
    request<CreateApiTokenResponse>('POST', '/api/v1/api-tokens', body),
  revokeToken: (id: string) => request<void>('DELETE', `/api/v1/api-tokens/${enc(id)}`),
  listWebhooks: () => request<{ webhooks: Webhook[] }>('GET', '/api/v1/webhooks'),
  /** The signing secret is in this answer only. */
  createWebhook: (body: CreateWebhookBody) =>
    request<CreateWebhookResponse>('POST', '/api/v1/webhooks', body),
  deleteWebhook: (id: string) => request<void>('DELETE', `/api/v1/webhooks/${enc(id)}`),
  pingWebhook: (id: string) => request<void>('POST', `/api/v1/webhooks/${enc(id)}/ping`, {}),
  deliveries: (id: string) =>
    request<{ deliveries: WebhookDelivery[] }>('GET', `/api/v1/webhooks/${enc(id)}/deliveries`),
};
