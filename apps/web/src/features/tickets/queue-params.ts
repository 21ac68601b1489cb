import type { ExportQuery, PriorityLevel, QueueQuery, TicketStatus } from '../../api/types';
import { LEVELS } from '../../shared/badges';

export const STATUSES: readonly TicketStatus[] = ['open', 'in_progress', 'resolved', 'closed'];
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The queue's filters and page, kept in the URL so reload, back and deep links keep them. */
export interface QueueParams {
  level?: PriorityLevel;
  status?: TicketStatus;
  page: number;
  limit: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

export function parseQueueParams(search: URLSearchParams): QueueParams {
  const limit = positive(search.get('limit'), 10);
  return {
    level: oneOf(LEVELS, search.get('level')),
    status: oneOf(STATUSES, search.get('status')),
    page: positive(search.get('page'), 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 10,
  };
}

/** `/?level=P1&page=2`: only what differs from the defaults. */
export function queueUrl(params: QueueParams): string {
  const search = new URLSearchParams();
  if (params.level) search.set('level', params.level);
  if (params.status) search.set('status', params.status);
  if (params.page !== 1) search.set('page', String(params.page));
  if (params.limit !== 10) search.set('limit', String(params.limit));
  const query = search.toString();
  return query ? `/?${query}` : '/';
}

export function toQuery(params: QueueParams): QueueQuery {
  return {
    page: params.page,
    limit: params.limit,
    ...(params.level && { priority_level: params.level }),
    ...(params.status && { status: params.status }),
  };
}

export const pageCount = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));

/** The queue's filters without its page: what an export of "this queue" means. */
export function toExportQuery(params: QueueParams): ExportQuery {
  return {
    ...(params.level && { priority_level: params.level }),
    ...(params.status && { status: params.status }),
  };
}

/** "level P1, status open" or "the live queue" (active tickets, no filter). */
export function describeQueue(params: QueueParams): string {
  const parts = [
    params.level && `level ${params.level}`,
    params.status && `status ${params.status.replace('_', ' ')}`,
  ].filter(Boolean);
  return parts.length > 0
    ? `the queue with ${parts.join(', ')}`
    : 'the live queue (active tickets)';
}
