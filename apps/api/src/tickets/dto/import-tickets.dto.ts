import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  ValidateNested,
} from 'class-validator';

import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';
import { CreateTicketDto } from './create-ticket.dto';

export const MAX_IMPORT_TICKETS = 1_000;

export class ImportTicketDto extends CreateTicketDto {
  /**
   * When the ticket was opened in the old system; not in the future.
   * @example "2026-01-01T08:30:00.000Z"
   */
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true, strictSeparator: true })
  created_at: string;

  /** Defaults to `open`. */
  @ApiPropertyOptional({ enum: TICKET_STATUSES })
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;
}

export class ImportTicketsDto {
  /** Up to 1,000 tickets; one invalid row rejects the whole request. */
  @ApiProperty({ type: () => [ImportTicketDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_TICKETS)
  @ValidateNested({ each: true })
  @Type(() => ImportTicketDto)
  tickets: ImportTicketDto[];
}

/**
 * What the import handler receives once ImportBodyPipe has validated it. An interface, so the
 * global ValidationPipe (which runs first) leaves the raw body, possibly a bare array, alone.
 */
export interface ImportRequest {
  tickets: ImportTicketDto[];
}
