import {
  CUSTOMER_TYPES,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type IssueType,
  type PriorityLevel,
} from '@app/priority';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';
import { MAX_IMPACT } from './create-ticket.dto';

export class PriorityOverrideInput {
  /** The level to pin. @example "P0" */
  @IsIn(PRIORITY_LEVELS)
  level: PriorityLevel;

  /** Why the formula is wrong here, 10 to 500 characters. @example "Outage blocks their launch" */
  @IsString()
  @Length(10, 500)
  reason: string;
}

/** Every field is optional; those given are applied together, in one transaction. */
export class UpdateTicketDto {
  /**
   * The new status: open → in_progress → resolved → closed; resolved or closed → open reopens;
   * in_progress → open only together with `assignee_id: null` (a release).
   * @example "in_progress"
   */
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  /** An active agent or admin, or null to unassign (an in_progress ticket goes back to open). */
  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 3 })
  @ValidateIf((dto: UpdateTicketDto) => dto.assignee_id !== null)
  @IsOptional()
  @IsInt()
  @Min(1)
  assignee_id?: number | null;

  /** Pins the level in force with a reason; null clears the pin. */
  @ApiPropertyOptional({ type: PriorityOverrideInput, nullable: true })
  @ValidateIf((dto: UpdateTicketDto) => dto.priority_override !== null)
  @IsOptional()
  @ValidateNested()
  @Type(() => PriorityOverrideInput)
  priority_override?: PriorityOverrideInput | null;

  /** Re-triage: the corrected severity; the ticket is re-scored at once. */
  @IsOptional()
  @IsIn(ISSUE_TYPES)
  issue_type?: IssueType;

  /** Re-triage: the corrected number of affected users. */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_IMPACT)
  impact?: number;

  /** Re-triage: the corrected customer plan. */
  @IsOptional()
  @IsIn(CUSTOMER_TYPES)
  customer_type?: CustomerType;
}
