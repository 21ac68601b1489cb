import { PriorityService } from '@app/priority';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { serializePauses, SlaService } from '../sla/sla.service';
import { ValidationFailedException } from '../common/validation';
import { Transactions } from '../database/transactions';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import type { User } from '../users/user.entity';
import type { ImportRequest, ImportTicketDto } from './dto/import-tickets.dto';
import type { ImportResultDto } from './dto/ticket.dto';
import { historyProblems, timesOf } from './import-history';
import { resolveImportPeople, type ImportPeople } from './import-people';
import { Ticket } from './ticket.entity';
import { insertTicket, NEW_TICKET_WORK } from './ticket-rows';
import { createdEventData, factsOf, scoreFields } from './ticket-scoring';
import { TicketTotals } from './ticket-totals';
import { TicketsService } from './tickets.service';

interface Imported {
  row: ImportTicketDto;
  ticket: Ticket;
}

/**
 * Historical tickets from another helpdesk, all or nothing. Their people and instants are kept
 * (creator, assignee, first response, resolution, closing), and their history is written as it
 * happened, so reports over imported data are true. Scores are computed as of now.
 */
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
    private readonly sla: SlaService,
  ) {}

  async import(dto: ImportRequest, admin: AuthUser): Promise<ImportResultDto> {
    const now = this.clock.now();
    const problems = historyProblems(dto.tickets, now);
    if (problems.length > 0) throw new ValidationFailedException(problems);
    const imported = await this.transactions.run(async (manager) => {
      const people = await resolveImportPeople(manager, dto.tickets, admin, now);
      if (Array.isArray(people)) throw new ValidationFailedException(people);
      const rows = dto.tickets.map((row) => ({ row, ticket: this.toTicket(row, people, now) }));
      // One row at a time inside one transaction, so every generated id is known on both engines.
      for (const { ticket } of rows) await this.insert(manager, ticket);
      await this.events.record(
        manager,
        rows.flatMap((entry) => this.historyOf(entry, people, admin)),
      );
      return rows;
    });
    for (const { ticket } of imported) this.totals.added(ticket);
    return {
      imported: imported.length,
      tickets: await this.ticketsService.toDtos(
        imported.map(({ ticket }) => ticket),
        admin,
        now,
      ),
    };
  }

  private async insert(manager: EntityManager, ticket: Ticket): Promise<void> {
    await insertTicket(manager, ticket);
    if (ticket.assigneeId !== null || ticket.firstResponseAt !== null) {
      await manager.update(
        Ticket,
        { id: ticket.id },
        {
          assigneeId: ticket.assigneeId,
          assignedAt: ticket.assignedAt,
          firstResponseAt: ticket.firstResponseAt,
        },
      );
    }
  }

  private toTicket(row: ImportTicketDto, people: ImportPeople, now: Date): Ticket {
    const status = row.status ?? 'open';
    const times = timesOf(row);
    const done = status === 'resolved' || status === 'closed';
    const assignee = people.assigneeOf(row);
    const creator = people.creatorOf(row);
    const ticket = this.tickets.create({
      issueType: row.issue_type,
      impact: row.impact,
      customerType: row.customer_type,
      organizationId: creator.organization?.id ?? null,
      organization: creator.organization,
      title: row.title ?? null,
      description: row.description ?? null,
      status,
      createdBy: creator.id,
      createdAt: times.createdAt,
      updatedAt: now,
      // Unknown resolution times are the import's own instant (as before this history existed).
      resolvedAt: done ? (times.resolvedAt ?? now) : null,
      closedAt: status === 'closed' ? (times.closedAt ?? now) : null,
      ...NEW_TICKET_WORK,
      assigneeId: assignee?.id ?? null,
      assignedAt: assignee ? times.createdAt : null,
      firstResponseAt: times.firstResponseAt,
      // Likewise an imported pending ticket is paused from the import on.
      slaPauses: status === 'pending' ? serializePauses([{ from: now.getTime(), to: null }]) : null,
    });
    ticket.firstResolvedAt = ticket.resolvedAt;
    ticket.assignee = assignee as User | null;
    // Reports count a ticket at the level it had when the old system opened it.
    const { weights, version } = this.priority;
    ticket.createdLevel = this.priority.score(factsOf(ticket), ticket.createdAt, weights).level;
    const priority = this.priority.score(factsOf(ticket), now, weights);
    Object.assign(ticket, scoreFields(ticket, priority, now, weights, version));
    return Object.assign(ticket, this.sla.columns(ticket, now));
  }

  /** The events of one imported ticket, each at the instant it happened in the old system. */
  private historyOf({ row, ticket }: Imported, people: ImportPeople, admin: AuthUser): NewEvent[] {
    const base = { ticketId: ticket.id, actor: admin };
    const events: NewEvent[] = [
      {
        ...base,
        actor: people.creatorOf(row),
        type: 'created',
        at: ticket.createdAt,
        data: createdEventData(ticket, this.priority.weightsOf(ticket.policyVersion)!, true),
      },
    ];
    if (ticket.assigneeId !== null) {
      events.push({
        ...base,
        type: 'assigned',
        at: ticket.assignedAt!,
        data: { from: null, to: ticket.assigneeId },
      });
    }
    if (ticket.resolvedAt) {
      const data = { from: ticket.assigneeId ? 'in_progress' : 'open', to: 'resolved' } as const;
      events.push({ ...base, type: 'status_changed', at: ticket.resolvedAt, data });
    }
    if (ticket.closedAt) {
      const data = { from: 'resolved', to: 'closed' } as const;
      events.push({ ...base, type: 'status_changed', at: ticket.closedAt, data });
    }
    return events;
  }
}
