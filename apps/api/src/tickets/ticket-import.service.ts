import { PriorityService } from '@app/priority';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { ValidationFailedException } from '../common/validation';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import type { ImportRequest, ImportTicketDto } from './dto/import-tickets.dto';
import type { ImportResultDto } from './dto/ticket.dto';
import { Ticket } from './ticket.entity';
import { insertTicket, NEW_TICKET_WORK } from './ticket-rows';
import { createdEventData, factsOf, scoreFields } from './ticket-scoring';
import { TicketTotals } from './ticket-totals';
import { TicketsService } from './tickets.service';

/** Historical tickets from another helpdesk, scored as of now, all or nothing. */
@Injectable()
export class TicketImportService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly ticketsService: TicketsService,
    private readonly priority: PriorityService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly clock: Clock,
  ) {}

  async import(dto: ImportRequest, admin: AuthUser): Promise<ImportResultDto> {
    const now = this.clock.now();
    this.rejectFutureDates(dto.tickets, now);
    const tickets = dto.tickets.map((row) => this.toTicket(row, admin, now));
    await this.transactions.run(async (manager) => {
      // One row at a time inside one transaction, so every generated id is known on both engines.
      for (const ticket of tickets) await insertTicket(manager, ticket);
      const data = (ticket: Ticket) => createdEventData(ticket, this.priority.weights, true);
      const created = tickets.map((ticket): NewEvent => ({
        ticketId: ticket.id,
        type: 'created',
        actor: admin,
        at: now,
        data: data(ticket),
      }));
      await this.events.record(manager, created);
    });
    for (const ticket of tickets) this.totals.added(ticket);
    return {
      imported: tickets.length,
      tickets: tickets.map((ticket) => this.ticketsService.toDto(ticket)),
    };
  }

  private rejectFutureDates(rows: ImportTicketDto[], now: Date) {
    const problems = rows.flatMap((row, index) => {
      const createdAt = new Date(row.created_at).getTime();
      if (createdAt > now.getTime()) return [{ index, message: 'must not be in the future' }];
      if (createdAt < 0) return [{ index, message: 'must not be before 1970' }];
      return [];
    });
    if (problems.length === 0) return;
    throw new ValidationFailedException(
      problems.map(({ index, message }) => ({
        field: `tickets.${index}.created_at`,
        messages: [`tickets.${index}.created_at ${message}`],
      })),
    );
  }

  private toTicket(row: ImportTicketDto, admin: AuthUser, now: Date): Ticket {
    const status = row.status ?? 'open';
    const ticket = this.tickets.create({
      issueType: row.issue_type,
      impact: row.impact,
      customerType: row.customer_type,
      title: row.title ?? null,
      description: row.description ?? null,
      status,
      createdBy: admin.id,
      createdAt: new Date(row.created_at),
      updatedAt: now,
      // The old system's resolution times are unknown; the import is when we learnt of them.
      resolvedAt: status === 'resolved' || status === 'closed' ? now : null,
      closedAt: status === 'closed' ? now : null,
      ...NEW_TICKET_WORK,
    });
    const priority = this.priority.score(factsOf(ticket), now);
    return Object.assign(ticket, scoreFields(ticket, priority, now, this.priority.weights));
  }
}
