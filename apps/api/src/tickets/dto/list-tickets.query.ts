import {
  CUSTOMER_TYPES,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type IssueType,
  type PriorityLevel,
} from '@app/priority';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

import { PageQuery } from '../../common/page.query';
import { SLA_STATES, type SlaFilter } from '../../sla/sla-filters';
import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';

export const TICKET_SORTS = ['priority', 'created_at', '-created_at', 'sla_due'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export class ListTicketsQuery extends PageQuery {
  /**
   * `priority` (default): highest score first, oldest first among equals; or by creation time;
   * or `sla_due`: the earliest unmet SLA due instant first, met or paused targets last.
   */
  @ApiPropertyOptional({ enum: TICKET_SORTS, default: 'priority' })
  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort: TicketSort = 'priority';

  /**
   * `next_cursor` of the previous page: continues right after its last ticket, however deep,
   * and stays stable while tickets arrive. Use it instead of `page`.
   */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @IsOptional()
  @IsIn(PRIORITY_LEVELS)
  priority_level?: PriorityLevel;

  @IsOptional()
  @IsIn(ISSUE_TYPES)
  issue_type?: IssueType;

  @IsOptional()
  @IsIn(CUSTOMER_TYPES)
  customer_type?: CustomerType;

  /**
   * `breached` (a target is past due), `at_risk` (past the warning of an unmet target, nothing
   * breached) or `ok` (neither), as of the request (docs/sla.md).
   */
  @ApiPropertyOptional({ enum: SLA_STATES })
  @IsOptional()
  @IsIn(SLA_STATES)
  sla?: SlaFilter;
}
