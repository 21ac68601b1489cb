import {
  CUSTOMER_TYPES,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type IssueType,
  type PriorityLevel,
} from '@app/priority';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';

export const TICKET_SORTS = ['priority', 'created_at', '-created_at'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export class ListTicketsQuery {
  /**
   * Page number, from 1; a page past the end is empty.
   * @example 1
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  /**
   * Tickets per page.
   * @example 10
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;

  /**
   * `priority` (default): highest score first, oldest first among equals; or by creation time.
   */
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
}
