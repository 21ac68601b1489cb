import {
  CUSTOMER_TYPES,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type Factor,
  type IssueType,
  type PriorityLevel,
  type PriorityResult,
} from '@app/priority';
import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from '../ticket.entity';

const FACTORS: readonly Factor[] = ['issue_type', 'customer_type', 'impact', 'age'];
import { OrganizationRefDto } from '../../organizations/dto/organization.dto';
import { TicketSlaDto } from '../../sla/dto/ticket-sla.dto';

export class FactorPointsDto {
  @ApiEnum(FACTORS, { example: 'issue_type' })
  factor: Factor;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    description:
      'What the factor looked at: the issue or customer type (a string), the number of ' +
      'affected users or the age in hours (a number).',
    example: 'critical',
  })
  input: string | number;

  /** A number: weights files may give fractional points. */
  @ApiProperty({ type: 'number', example: 5 })
  points: number;
}

/** A user as other users see them. */
export class UserRefDto {
  @ApiInteger({ example: 3 })
  id: number;

  @ApiProperty({ type: 'string', example: 'alice' })
  username: string;

  static from(user: { id: number; username: string } | null | undefined): UserRefDto | null {
    return user ? { id: user.id, username: user.username } : null;
  }
}

export class PriorityOverrideDto {
  @ApiEnum(PRIORITY_LEVELS, {
    example: 'P0',
    description: 'The pinned level, in force instead of the computed one.',
  })
  level: PriorityLevel;

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: 'Their launch is blocked today',
    description: 'Why; null for reporters, who never see it.',
  })
  reason: string | null;

  @ApiProperty({
    type: () => UserRefDto,
    nullable: true,
    description: 'Who set it; null for reporters (and if that user is gone).',
  })
  by: UserRefDto | null;

  @ApiTimestamp()
  at: string;
}

export class TicketDto {
  @ApiInteger({ example: 42 })
  id: number;

  @ApiEnum(ISSUE_TYPES, { example: 'critical' })
  issue_type: IssueType;

  @ApiInteger({ example: 150, minimum: 1, maximum: 1_000_000_000 })
  impact: number;

  @ApiEnum(CUSTOMER_TYPES, { example: 'enterprise' })
  customer_type: CustomerType;

  @ApiProperty({ type: 'string', nullable: true, example: 'Checkout fails for all EU users' })
  title: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  description: string | null;

  @ApiEnum(TICKET_STATUSES, { example: 'open' })
  status: TicketStatus;

  @ApiProperty({ type: 'number', example: 15, description: 'The sum of the breakdown points.' })
  priority_score: number;

  @ApiEnum(PRIORITY_LEVELS, {
    example: 'P1',
    description: "The level in force: the override's while one is set, else `computed_level`.",
  })
  priority_level: PriorityLevel;

  @ApiEnum(PRIORITY_LEVELS, { example: 'P1', description: 'What the weights give for the score.' })
  computed_level: PriorityLevel;

  @ApiProperty({
    type: () => PriorityOverrideDto,
    nullable: true,
    description: 'A level pinned by an agent or admin, or null.',
  })
  priority_override: PriorityOverrideDto | null;

  @ApiProperty({
    type: () => [FactorPointsDto],
    description: 'How the score was reached, with the weights of `policy_version`.',
  })
  breakdown: FactorPointsDto[];

  @ApiInteger({
    example: 1,
    description:
      'The priority policy version whose weights computed the score (GET /admin/policy/versions/:v).',
  })
  policy_version: number;

  @ApiInteger({ description: 'Id of the user who created the ticket.', example: 7 })
  created_by: number;

  @ApiTimestamp()
  created_at: string;

  @ApiTimestamp()
  updated_at: string;

  @ApiTimestamp({
    nullable: true,
    description: 'When it was last resolved; null unless resolved or closed.',
    example: null,
  })
  resolved_at: string | null;

  @ApiTimestamp({
    nullable: true,
    description: 'When it was closed; null unless closed.',
    example: null,
  })
  closed_at: string | null;
  @ApiInteger({
    nullable: true,
    example: 3,
    description: 'The agent or admin working it, or null; kept after resolving or closing.',
  })
  assignee_id: number | null;

  @ApiProperty({ type: () => UserRefDto, nullable: true })
  assignee: UserRefDto | null;

  @ApiProperty({
    type: () => OrganizationRefDto,
    nullable: true,
    description: "The reporter's organisation when the ticket was filed; null if none.",
  })
  organization: OrganizationRefDto | null;

  @ApiTimestamp({
    nullable: true,
    example: null,
    description: 'When the current assignee got it; null while unassigned.',
  })
  assigned_at: string | null;

  @ApiTimestamp({
    nullable: true,
    example: null,
    description: 'The first public comment by an agent or admin; null until then.',
  })
  first_response_at: string | null;
  /** The response and resolution targets of the level in force, as of the answer (docs/sla.md). */
  @ApiProperty({ type: () => TicketSlaDto })
  sla: TicketSlaDto;

  /** `showReason`: false for reporters, who never see why (or by whom) a level was pinned. */
  static from(ticket: Ticket, priority: PriorityResult, showReason = true): Omit<TicketDto, 'sla'> {
    return {
      id: ticket.id,
      issue_type: ticket.issueType,
      impact: ticket.impact,
      customer_type: ticket.customerType,
      title: ticket.title,
      description: ticket.description,
      status: ticket.status,
      priority_score: ticket.priorityScore,
      priority_level: ticket.priorityLevel,
      breakdown: priority.breakdown,
      policy_version: ticket.policyVersion,
      created_by: ticket.createdBy,
      created_at: ticket.createdAt.toISOString(),
      updated_at: ticket.updatedAt.toISOString(),
      resolved_at: ticket.resolvedAt?.toISOString() ?? null,
      closed_at: ticket.closedAt?.toISOString() ?? null,
      computed_level: priority.level,
      priority_override: overrideOf(ticket, showReason),
      assignee_id: ticket.assigneeId,
      assignee: UserRefDto.from(ticket.assignee),
      organization: OrganizationRefDto.from(ticket.organization),
      assigned_at: ticket.assignedAt?.toISOString() ?? null,
      first_response_at: ticket.firstResponseAt?.toISOString() ?? null,
    };
  }
}

function overrideOf(ticket: Ticket, showReason: boolean): PriorityOverrideDto | null {
  if (!ticket.priorityOverrideLevel || !ticket.priorityOverrideAt) return null;
  return {
    level: ticket.priorityOverrideLevel,
    reason: showReason ? ticket.priorityOverrideReason : null,
    by: showReason ? UserRefDto.from(ticket.overrideAuthor) : null,
    at: ticket.priorityOverrideAt.toISOString(),
  };
}

/** The creation response also carries `score` and `level`, the names the original API used. */
export class CreatedTicketDto extends TicketDto {
  @ApiProperty({ type: 'number', description: 'Same as `priority_score`.', example: 15 })
  score: number;

  @ApiEnum(PRIORITY_LEVELS, { description: 'Same as `priority_level`.', example: 'P1' })
  level: PriorityLevel;
}

export class TicketPageDto {
  @ApiProperty({ type: () => [TicketDto] })
  tickets: TicketDto[];

  @ApiInteger({ example: 1, minimum: 1 })
  page: number;

  @ApiInteger({ example: 10, minimum: 1, maximum: 100 })
  limit: number;

  @ApiInteger({
    example: 1,
    description:
      'Tickets matching the filters, on all pages. Counted on an index and reused for a few ' +
      'seconds (`TICKETS_TOTAL_CACHE_MS`) unless this instance wrote since, so it may lag ' +
      'other instances.',
  })
  total: number;

  @ApiProperty({
    type: 'string',
    nullable: true,
    description:
      'Pass as `cursor` to get the next page; null on the last page. Stable while tickets arrive.',
  })
  next_cursor: string | null;
}

export class ImportResultDto {
  @ApiInteger({ example: 2 })
  imported: number;

  @ApiProperty({ type: () => [TicketDto] })
  tickets: TicketDto[];
}
