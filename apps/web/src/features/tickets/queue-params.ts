import type {
  ExportQuery,
  PriorityLevel,
  QueueQuery,
  SlaFilter,
  TicketStatus,
} from '../../api/types';
import { LEVELS } from '../../shared/badges';
import { SLA_FILTERS } from '../sla/sla-view';

export const STATUSES: readonly TicketStatus[] = [
  'open',
  'in_progress',
  'pending',
  'resolved',
  'closed',
];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
/** No status: the active ones (open, in progress, pending), as the API lists by default. */
export type StatusFilter = TicketStatus | 'all';
export type AssigneeFilter = 'me' | 'none';
const STATUS_FILTERS: readonly StatusFilter[] = [...STATUSES, 'all'];
const SLA_VALUES = SLA_FILTERS.map((filter) => filter.value);
const ASSIGNEES: readonly AssigneeFilter[] = ['me', 'none'];
export type QueueSort = NonNullable<QueueQuery['sort']>;
/** The orders the queue offers; `priority` is the default and stays out of the URL. */
export const SORTS: readonly { value: QueueSort; label: string }[] = [
  { value: 'priority', label: 'Priority' },
  { value: 'sla_due', label: 'SLA due soonest' },
  { value: '-created_at', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
];
const SORT_VALUES = SORTS.map((sort) => sort.value);

/** The queue's filters and page, kept in the URL so reload, back and deep links keep them. */
export interface QueueParams {
  level?: PriorityLevel;
  status?: StatusFilter;
  sla?: SlaFilter;
  assignee?: AssigneeFilter;
  /** Text searched in title and description. */
  q?: string;
  sort?: QueueSort;
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
  const q = search.get('q')?.trim().slice(0, 100);
  return {
    level: oneOf(LEVELS, search.get('level')),
    status: oneOf(STATUS_FILTERS, search.get('status')),
    sla: oneOf(SLA_VALUES, search.get('sla')),
    assignee: oneOf(ASSIGNEES, search.get('assignee')),
    ...(q && { q }),
    sort: oneOf(SORT_VALUES, search.get('sort')),
    page: positive(search.get('page'), 1),
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 10,
  };
}

/** `/?level=P1&page=2`: only what differs from the defaults, under the page's own path. */
export function queueUrl(params: QueueParams, path = '/'): string {
  const search = new URLSearchParams();
  if (params.level) search.set('level', params.level);
  if (params.status) search.set('status', params.status);
  if (params.sla) search.set('sla', params.sla);
  if (params.assignee) search.set('assignee', params.assignee);
  if (params.q) search.set('q', params.q);
  if (params.sort && params.sort !== 'priority') search.set('sort', params.sort);
  if (params.page !== 1) search.set('page', String(params.page));
  if (params.limit !== 10) search.set('limit', String(params.limit));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function toQuery(params: QueueParams): QueueQuery {
  return {
    page: params.page,
    limit: params.limit,
    ...(params.level && { priority_level: params.level }),
    ...(params.status && { status: params.status }),
    ...(params.sla && { sla: params.sla }),
    ...(params.assignee && { assignee: params.assignee }),
    ...(params.q && { q: params.q }),
    ...(params.sort && { sort: params.sort }),
  };
}

/** Any filter beyond the default view (the page size is not a filter). */
export const isFiltered = (params: QueueParams) =>
  Boolean(params.level || params.status || params.sla || params.assignee || params.q);

export const pageCount = (total: number, limit: number) => Math.max(1, Math.ceil(total / limit));

/** The queue's filters without its page: what an export of "this queue" means. */
export function toExportQuery(params: QueueParams): ExportQuery {
  // Every filter of the page on screen; an export is neither paged nor reordered.
  const { page: _page, limit: _limit, sort: _sort, ...filters } = toQuery(params);
  return filters;
}

/** "level P1, status open" or "the live queue" (active tickets, no filter). */
export function describeQueue(params: QueueParams): string {
  const parts = [
    params.level && `level ${params.level}`,
    params.status && `status ${params.status.replace('_', ' ')}`,
    params.sla && `SLA ${params.sla.replace('_', ' ')}`,
    params.assignee && `assignee ${params.assignee === 'me' ? 'me' : 'nobody'}`,
    params.q && `text "${params.q}"`,
  ].filter(Boolean);
  return parts.length > 0
    ? `the queue with ${parts.join(', ')}`
    : 'the live queue (active tickets)';
}
