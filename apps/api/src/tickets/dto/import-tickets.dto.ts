import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';

import { CanonicalUsername } from '../../auth/dto/credentials.validators';

import { TICKET_STATUSES, type TicketStatus } from '../ticket.entity';
import { TicketFactsDto } from './create-ticket.dto';

export const MAX_IMPORT_TICKETS = 1_000;

const USERNAME = /^[a-z0-9_.-]{3,64}$/;
const USERNAME_MESSAGE = '$property must be a username: 3 to 64 characters of a-z, 0-9, _, . or -';

export class ImportTicketDto extends TicketFactsDto {
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

  /**
   * Username of the reporter in the old system; the importing admin when absent. An unknown name
   * becomes a reporter account without a password, activated only through an invitation.
   * @example "carol"
   */
  @IsOptional()
  @CanonicalUsername()
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  created_by?: string;

  /**
   * Username of an active agent or admin who owned the ticket.
   * @example "dave"
   */
  @IsOptional()
  @CanonicalUsername()
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  assignee?: string;

  /**
   * When an agent first answered publicly; not before `created_at`.
   * @example "2026-01-01T09:00:00.000Z"
   */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  first_response_at?: string;

  /**
   * When it was resolved (resolved or closed tickets only); the import's instant when absent.
   * @example "2026-01-02T10:00:00.000Z"
   */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  resolved_at?: string;

  /**
   * When it was closed (closed tickets only); not before `resolved_at`.
   * @example "2026-01-03T10:00:00.000Z"
   */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  closed_at?: string;
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
