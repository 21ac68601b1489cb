import { PriorityService } from '@app/priority';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { slaStatusFacts } from '../sla/sla-status';
import { SlaService } from '../sla/sla.service';
import { TicketEventsService } from '../ticket-events/ticket-events.service';
import type { TicketDto } from './dto/ticket.dto';
import type { UpdateTicketStatusDto } from './dto/update-ticket-status.dto';
import { Ticket, type TicketStatus } from './ticket.entity';
import { canMove, TRANSITIONS } from './ticket-lifecycle';
import { factsOf, scoreFields } from './ticket-scoring';
import { TicketTotals } from './ticket-totals';
import { TicketsService } from './tickets.service';

/** Status changes by agents and admins, each recorded in the ticket's history. */
@Injectable()
export class TicketLifecycleService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly ticketsService: TicketsService,
    private readonly priority: PriorityService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly clock: Clock,
    private readonly sla: SlaService,
  ) {}

  async changeStatus(id: number, dto: UpdateTicketStatusDto, actor: AuthUser): Promise<TicketDto> {
    const ticket = await this.ticketsService.findVisible(id, actor);
    const from = ticket.status;
    if (!canMove(from, dto.status)) {
      const allowed = TRANSITIONS[from].join(' or ');
      throw new ConflictException(`A ${from} ticket can move to ${allowed}, not ${dto.status}.`);
    }
    const now = this.clock.now();
    const before = { ...ticket };
    const changes = this.changesFor(ticket, dto.status, now);
    await this.transactions.run(async (manager) => {
      // Conditional on the status we read: a concurrent change makes this one a 409, not a lost update.
      const result = await manager.update(Ticket, { id, status: from }, changes);
      if (!result.affected) throw new ConflictException('The ticket changed meanwhile; try again.');
      await this.events.record(manager, [
        { ticketId: id, type: 'status_changed', actor, at: now, data: { from, to: dto.status } },
      ]);
    });
    Object.assign(ticket, changes);
    this.totals.changed(before, ticket);
    return this.ticketsService.toDto(ticket, actor, now);
  }

  /** Resolving or closing freezes the score; reopening scores the ticket afresh and aging resumes. */
  private changesFor(ticket: Ticket, to: TicketStatus, now: Date): Partial<Ticket> {
    const changes: Partial<Ticket> = { status: to, updatedAt: now, nextRescoreAt: null };
    if (to === 'resolved') changes.resolvedAt = now;
    if (to === 'closed') changes.closedAt = now;
    if (to === 'open') {
      Object.assign(changes, { resolvedAt: null, closedAt: null });
      const reopened = { ...ticket, status: to };
      const priority = this.priority.score(factsOf(reopened), now);
      Object.assign(changes, scoreFields(reopened, priority, now, this.priority.weights));
    } else if (to === 'in_progress' || to === 'pending') {
      // Still waiting on someone: keep aging from the boundary already scheduled.
      delete changes.nextRescoreAt;
    }
    Object.assign(changes, slaStatusFacts(ticket, to, now));
    return Object.assign(changes, this.sla.columns({ ...ticket, ...changes }, now));
  }
}
