import { OmitType } from '@nestjs/swagger';

import { ListTicketsQuery } from '../../tickets/dto/list-tickets.query';

/**
 * Exactly the queue filters of `GET /tickets` (status, assignee, q, priority_level, issue_type,
 * customer_type, sla), validated by the same class; paging and order do not apply to an export.
 */
export class ExportTicketsQuery extends OmitType(ListTicketsQuery, [
  'page',
  'limit',
  'cursor',
  'sort',
] as const) {}
