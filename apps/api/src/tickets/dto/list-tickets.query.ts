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
import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';

export const TICKET_SORTS = ['priority', 'created_at', '-created_at'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export class ListTicketsQuery extends PageQuery {
  /**
   * `priority` (default): highest score first, oldest first among equals; or by creation time.
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

  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @ApiPropertyOptional({ enum: PRIORITY_LEVELS })
  @IsOptional()
  @IsIn(PRIORITY_LEVELS)
  priority_level?: PriorityLevel;

  @ApiPropertyOptional({ enum: ISSUE_TYPES })
  @IsOptional()
  @IsIn(ISSUE_TYPES)
  issue_type?: IssueType;

  @ApiPropertyOptional({ enum: CUSTOMER_TYPES })
  @IsOptional()
  @IsIn(CUSTOMER_TYPES)
  customer_type?: CustomerType;
}
