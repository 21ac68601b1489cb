import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';

export class UpdateTicketStatusDto {
  /**
   * The new status: open → in_progress → resolved → closed; resolved or closed → open reopens.
   * @example "in_progress"
   */
  @ApiProperty({ enum: TICKET_STATUSES })
  @IsIn(TICKET_STATUSES)
  status: TicketStatus;
}
