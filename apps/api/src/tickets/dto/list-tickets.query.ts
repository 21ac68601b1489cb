import {
  CUSTOMER_TYPES,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type IssueType,
  type PriorityLevel,
} from '@app/priority';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { CanonicalInt, MAX_ID } from '../../common/canonical-int';
import { PageQuery } from '../../common/page.query';
import { SLA_STATES, type SlaFilter } from '../../sla/sla-filters';
import { TICKET_STATUSES } from '../ticket.entity';

const STATUS_NAME = `(${TICKET_STATUSES.join('|')})`;
const STATUS_LIST = new RegExp(`^(all|${STATUS_NAME}(,${STATUS_NAME})*)$`);

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

  /**
   * One status, several separated by commas (`open,in_progress`), or `all`. Without it, the
   * active statuses only: live work, not resolved or closed tickets.
   */
  @ApiPropertyOptional({ type: 'string', example: 'open,in_progress' })
  @IsOptional()
  @IsString()
  @Matches(STATUS_LIST, {
    message: `status must be all or a comma-separated list of ${TICKET_STATUSES.join(', ')}`,
  })
  status?: string;

  /** `me` (the caller's), `none` (unassigned), or a user id. */
  @ApiPropertyOptional({ type: 'string', example: 'me' })
  @IsOptional()
  @IsString()
  @Matches(/^(me|none|[1-9][0-9]{0,9})$/, { message: 'assignee must be me, none or a user id' })
  assignee?: string;

  /**
   * Case-insensitive text in the title or description, 1 to 100 characters; taken literally
   * (`%` and `_` match only themselves).
   */
  @ApiPropertyOptional({ type: 'string', minLength: 1, maxLength: 100, example: 'checkout' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

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

  /**
   * `breached` (a target is past due), `at_risk` (past the warning of an unmet target, nothing
   * breached) or `ok` (neither), as of the request (docs/sla.md).
   */
  /** Tickets filed for this organisation (by its reporters). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_ID })
  @IsOptional()
  @CanonicalInt()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  organization_id?: number;

  @ApiPropertyOptional({ enum: SLA_STATES })
  @IsOptional()
  @IsIn(SLA_STATES)
  sla?: SlaFilter;
}
