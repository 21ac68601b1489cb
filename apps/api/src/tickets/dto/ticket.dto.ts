import type { CustomerType, Factor, IssueType, PriorityLevel, PriorityResult } from '@app/priority';

import { ApiProperty } from '@nestjs/swagger';

import type { Ticket, TicketStatus } from '../ticket.entity';

export class FactorPointsDto {
  /** @example "issue_type" */
  factor: Factor;
  /**
   * What the factor looked at: the type, the number of users, or the age in hours.
   * @example "critical"
   */
  input: string | number;
  /** @example 5 */
  points: number;
}

/** A user as other users see them. */
export class UserRefDto {
  /** @example 3 */
  @ApiProperty({ type: 'integer' })
  id: number;
  /** @example "alice" */
  username: string;

  static from(user: { id: number; username: string } | null | undefined): UserRefDto | null {
    return user ? { id: user.id, username: user.username } : null;
  }
}

export class PriorityOverrideDto {
  /** The pinned level, in force instead of the computed one. @example "P0" */
  level: PriorityLevel;
  /** Why; null for reporters, who never see it. @example "Their launch is blocked today" */
  reason: string | null;
  /** Who set it; null for reporters (and if that user is gone). */
  by: UserRefDto | null;
  /** @example "2026-01-01T12:00:00.000Z" */
  at: string;
}

export class TicketDto {
  /** @example 42 */
  id: number;
  /** @example "critical" */
  issue_type: IssueType;
  /** @example 150 */
  impact: number;
  /** @example "enterprise" */
  customer_type: CustomerType;
  /** @example "Checkout fails for all EU users" */
  title: string | null;
  description: string | null;
  /** @example "open" */
  status: TicketStatus;
  /** @example 15 */
  priority_score: number;
  /** The level in force: the override's while one is set, else `computed_level`. @example "P1" */
  priority_level: PriorityLevel;
  /** What the weights give for `priority_score`. @example "P1" */
  computed_level: PriorityLevel;
  /** A level pinned by an agent or admin, or null. */
  priority_override: PriorityOverrideDto | null;
  /** How the score was reached, factor by factor. */
  @ApiProperty({ type: () => [FactorPointsDto] })
  breakdown: FactorPointsDto[];
  /** Id of the user who created the ticket. */
  created_by: number;
  /** @example "2026-01-01T12:00:00.000Z" */
  created_at: string;
  /** @example "2026-01-01T12:00:00.000Z" */
  updated_at: string;
  /** When it was last resolved; null unless resolved or closed. */
  resolved_at: string | null;
  /** When it was closed; null unless closed. */
  closed_at: string | null;
  /** The agent or admin working it, or null; kept after resolving or closing. @example 3 */
  @ApiProperty({ type: 'integer', nullable: true })
  assignee_id: number | null;
  assignee: UserRefDto | null;
  /** When the current assignee got it; null while unassigned. */
  assigned_at: string | null;
  /** The first public comment by an agent or admin; null until then. */
  first_response_at: string | null;

  /** `showReason`: false for reporters, who never see why (or by whom) a level was pinned. */
  static from(ticket: Ticket, priority: PriorityResult, showReason = true): TicketDto {
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
      created_by: ticket.createdBy,
      created_at: ticket.createdAt.toISOString(),
      updated_at: ticket.updatedAt.toISOString(),
      resolved_at: ticket.resolvedAt?.toISOString() ?? null,
      closed_at: ticket.closedAt?.toISOString() ?? null,
      computed_level: priority.level,
      priority_override: overrideOf(ticket, showReason),
      assignee_id: ticket.assigneeId,
      assignee: UserRefDto.from(ticket.assignee),
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
  /** Same as `priority_score`. */
  score: number;
  /** Same as `priority_level`. */
  level: PriorityLevel;
}

export class TicketPageDto {
  tickets: TicketDto[];
  /** @example 1 */
  page: number;
  /** @example 10 */
  limit: number;
  /**
   * Tickets matching the filters, on all pages. Counted on an index and reused for a few seconds
   * (`TICKETS_TOTAL_CACHE_MS`) unless this instance wrote since, so it may lag other instances.
   */
  total: number;
  /** Pass as `cursor` to get the next page; null on the last page. Stable while tickets arrive. */
  next_cursor: string | null;
}

export class ImportResultDto {
  /** @example 2 */
  imported: number;
  tickets: TicketDto[];
}
