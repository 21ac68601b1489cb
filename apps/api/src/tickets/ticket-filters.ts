import { In, IsNull, type SelectQueryBuilder } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { slaCondition, type SlaFilter } from '../sla/sla-filters';
import type { ListTicketsQuery } from './dto/list-tickets.query';
import { ACTIVE_STATUSES, type Ticket, type TicketStatus } from './ticket.entity';
import type { CountFilter } from './ticket-totals';
import { visibleTo } from './tickets.service';

/** The queue filters of `GET /tickets`, shared with every view of the same queue (the export). */
export type QueueFilterQuery = Pick<
  ListTicketsQuery,
  | 'status'
  | 'assignee'
  | 'q'
  | 'priority_level'
  | 'issue_type'
  | 'customer_type'
  | 'organization_id'
  | 'sla'
>;

/** `!` escapes LIKE's wildcards on both engines (SQLite has no default escape character). */
const likePattern = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/** The equality filters (cached counts are kept per combination of them). */
export function queueFilter(query: QueueFilterQuery, viewer: AuthUser): CountFilter {
  const where: CountFilter = visibleTo(viewer);
  const statuses = parseStatuses(query.status);
  if (statuses) where.status = statuses.length === 1 ? statuses[0] : statuses;
  if (query.priority_level) where.priorityLevel = query.priority_level;
  if (query.issue_type) where.issueType = query.issue_type;
  if (query.customer_type) where.customerType = query.customer_type;
  if (query.organization_id !== undefined) where.organizationId = query.organization_id;
  if (query.assignee === 'me') where.assigneeId = viewer.id;
  else if (query.assignee === 'none') where.assigneeId = null;
  else if (query.assignee !== undefined) where.assigneeId = Number(query.assignee);
  return where;
}

/** No `status`: the active statuses; `all`: every status; else the comma-separated list. */
export function parseStatuses(status: string | undefined): TicketStatus[] | undefined {
  if (status === 'all') return undefined;
  if (status === undefined) return [...ACTIVE_STATUSES];
  return [...new Set(status.split(',') as TicketStatus[])];
}

export function toWhere(filter: CountFilter): Record<string, unknown> {
  const where: Record<string, unknown> = { ...filter };
  if (Array.isArray(filter.status)) where.status = In(filter.status);
  if (filter.assigneeId === null) where.assigneeId = IsNull();
  return where;
}

/** The text search and the SLA state, which no cached count covers. */
export function andSearch(
  select: SelectQueryBuilder<Ticket>,
  search: { q?: string; sla?: SlaFilter; now: Date },
): SelectQueryBuilder<Ticket> {
  if (search.q !== undefined) {
    select.andWhere("(t.title LIKE :q ESCAPE '!' OR t.description LIKE :q ESCAPE '!')", {
      q: likePattern(search.q),
    });
  }
  if (search.sla) select.andWhere(...slaCondition('t', search.sla, search.now));
  return select;
}
