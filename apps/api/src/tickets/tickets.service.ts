import { PriorityService } from '@app/priority';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import type { TicketEventDto } from '../ticket-events/dto/ticket-event.dto';
import { TicketEventsService } from '../ticket-events/ticket-events.service';
import { TicketMetrics } from '../metrics/ticket-metrics';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketDto, type CreatedTicketDto } from './dto/ticket.dto';
import { Ticket } from './ticket.entity';
import { insertTicket } from './ticket-rows';
import { createdEventData, factsOf, scoreFields } from './ticket-scoring';
import { TicketTotals } from './ticket-totals';

/** Reporters see their own tickets; agents and admins work the whole queue. */
export function visibleTo(viewer: AuthUser): { createdBy?: number } {
  return viewer.role === 'reporter' ? { createdBy: viewer.id } : {};
}

@Injectable()
export class TicketsService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly priority: PriorityService,
    private readonly clock: Clock,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly metrics: TicketMetrics,
  ) {}

  async create(dto: CreateTicketDto, author: AuthUser): Promise<CreatedTicketDto> {
    const now = this.clock.now();
    const ticket = this.tickets.create({
      issueType: dto.issue_type,
      impact: dto.impact,
      customerType: dto.customer_type,
      title: dto.title ?? null,
      description: dto.description ?? null,
      status: 'open',
      createdBy: author.id,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      closedAt: null,
    });
    const priority = this.priority.score(factsOf(ticket), now);
    Object.assign(ticket, scoreFields(ticket, priority, now, this.priority.weights));
    // A plain INSERT (no save() reload, no query builder); the ticket and its `created` entry
    // commit together.
    await this.transactions.run(async (manager) => {
      await insertTicket(manager, ticket);
      const data = createdEventData(ticket, this.priority.weights);
      await this.events.record(manager, [
        { ticketId: ticket.id, type: 'created', actor: author, at: now, data },
      ]);
    });
    this.totals.added(ticket);
    this.metrics.created(priority.level);
    return { ...TicketDto.from(ticket, priority), score: priority.score, level: priority.level };
  }

  /** Someone else's ticket is "not found" to a reporter, so ids reveal nothing. */
  async findOne(id: number, viewer: AuthUser): Promise<TicketDto> {
    return this.toDto(await this.findVisible(id, viewer));
  }

  /** The history of a ticket the viewer may see, oldest first. */
  async history(id: number, viewer: AuthUser): Promise<TicketEventDto[]> {
    await this.findVisible(id, viewer);
    return this.events.listFor(id, viewer);
  }

  async findVisible(id: number, viewer: AuthUser): Promise<Ticket> {
    const ticket = await this.tickets.findOneBy({ ...visibleTo(viewer), id });
    if (!ticket) throw new NotFoundException(`Ticket ${id} was not found.`);
    return ticket;
  }

  /** The breakdown is derived for the instant the stored score was computed, so they agree. */
  toDto(ticket: Ticket): TicketDto {
    return TicketDto.from(ticket, this.priority.score(factsOf(ticket), ticket.scoredAt));
  }
}
