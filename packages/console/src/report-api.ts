/** REST calls for an inbox's business hours and the ratings report. */
import type { InboxHoursResponse, RatingsResponse, RatingsSummaryResponse, Schedule } from '@candor/protocol';
import { request } from './api';

const enc = encodeURIComponent;

export const reportApi = {
  hours: (inboxId: string) => request<InboxHoursResponse>('GET', `/api/v1/inboxes/${enc(inboxId)}/hours`),
  setHours: (inboxId: string, hours: Schedule | null) =>
    request<InboxHoursResponse>('PUT', `/api/v1/inboxes/${enc(inboxId)}/hours`, { hours }),
  /** `query` is built by ratings-report.ts (filters as URL parameters). */
  ratings: (query: string) => request<RatingsResponse>('GET', `/api/v1/ratings?${query}`),
  summary: (query: string) => request<RatingsSummaryResponse>('GET', `/api/v1/ratings/summary?${query}`),
};
