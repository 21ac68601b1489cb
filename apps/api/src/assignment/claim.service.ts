import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { TicketMetrics } from '../metrics/ticket-metrics';
import { TicketEventsService } from '../ticket-events/ticket-events.service';
import type { TicketDto } from '../tickets/dto/ticket.dto';
import { TicketTotals, type CountedFields } from '../tickets/ticket-totals';
import { TicketsService } from '../tickets/tickets.service';
import {
  isMysql,
  lockWaiting,
  takeTicket,
  touchAssigned,
  type WaitingRow,
} from './assignment-queries';
import type { ClaimTicketDto } from './dto/claim-ticket.dto';

/** Candidates read per attempt: MySQL locks the one it takes; SQLite cannot lock and skip. */
const candidates = (manager: EntityManager) => (isMysql(manager) ? 1 : 5);
const MAX_ATTEMPTS = 10;

/**
 * Claim-next: the top open, unassigned ticket goes to the caller and moves to in_progress.
 * MySQL: SELECT … FOR UPDATE SKIP LOCKED picks a row no other claim holds, and the conditional
 * UPDATE (still open, still unassigned) confirms it. SQLite: one writer at a time, and the
 * same conditional UPDATE; a lost race just tries the next candidate.
 */
@Injectable()
export class ClaimService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tickets: TicketsService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly clock: Clock,
    private readonly metrics: TicketMetrics,
  ) {}

  /** The claimed ticket, or null when nothing waits (the controller answers 204). */
  async claimNext(dto: ClaimTicketDto, actor: AuthUser): Promise<TicketDto | null> {
    const now = this.clock.now();
    const claimed = await this.transactions.runContended((m) => this.claimIn(m, dto, actor, now));
    if (!claimed) return null;
    this.metrics.assigned('claim');
    const before = counted(claimed);
    this.totals.changed(before, { ...before, status: 'in_progress', assigneeId: actor.id });
    return this.tickets.reload(claimed.id, actor);
  }

  private async claimIn(
    manager: EntityManager,
    dto: ClaimTicketDto,
    actor: AuthUser,
    now: Date,
  ): Promise<WaitingRow | null> {
    const filter = { priorityLevel: dto.priority_level, customerType: dto.customer_type };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const rows = await lockWaiting(manager, candidates(manager), filter);
      if (rows.length === 0) return null;
      for (const row of rows) {
        if (!(await takeTicket(manager, row.id, actor.id, now, true))) continue;
        await touchAssigned(manager, [actor.id], now);
        const base = { ticketId: row.id, actor, at: now };
        await this.events.record(manager, [
          { ...base, type: 'claimed', data: {} },
          { ...base, type: 'assigned', data: { from: null, to: actor.id } },
          { ...base, type: 'status_changed', data: { from: 'open', to: 'in_progress' } },
        ]);
        return row;
      }
    }
    return null;
  }
}

export const counted = (row: WaitingRow): CountedFields =>
  ({
    createdBy: row.created_by,
    status: row.status,
    priorityLevel: row.priority_level,
    issueType: row.issue_type,
    customerType: row.customer_type,
    assigneeId: null,
  }) as CountedFields;
