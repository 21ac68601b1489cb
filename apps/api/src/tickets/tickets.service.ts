import { PriorityService } from '@app/priority';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import { AUTO_ASSIGNMENT_JOB } from '../assignment/assignment.constants';
import type { AuthUser } from '../auth/auth-user';
import { DueWorkRunner } from '../due-work/due-work.runner';
import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import type { TicketEventDto } from '../ticket-events/dto/ticket-event.dto';
import { TicketEventsService } from '../ticket-events/ticket-events.service';
import { TicketMetrics } from '../metrics/ticket-metrics';
import { ActivePolicy } from '../policy/active-policy';
import { SlaService } from '../sla/sla.service';
import { CustomerTiers } from '../organizations/customer-tiers';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketDto, type CreatedTicketDto } from './dto/ticket.dto';
import { Ticket } from './ticket.entity';
import { insertTicket, NEW_TICKET_WORK } from './ticket-rows';
import { createdEventData, factsOf, scoreFields } from './ticket-scoring';
import { TicketTotals } from './ticket-totals';

/** The assignee, the override's author and the organisation, as every ticket response names them. */
export const PEOPLE = { assignee: true, overrideAuthor: true, organization: true } as const;

/** Adds the assignee's and the override author's id and username to a ticket query. */
export function withPeople(select: SelectQueryBuilder<Ticket>): SelectQueryBuilder<Ticket> {
  return select
    .leftJoin('t.assignee', 'assignee')
    .addSelect(['assignee.id', 'assignee.username'])
    .leftJoin('t.overrideAuthor', 'override_author')
    .addSelect(['override_author.id', 'override_author.username'])
    .leftJoin('t.organization', 'organization')
    .addSelect(['organization.id', 'organization.name']);
}

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
    private readonly sla: SlaService,
    private readonly runner: DueWorkRunner,
    private readonly customers: CustomerTiers,
    private readonly policy: ActivePolicy,
  ) {}

  async create(dto: CreateTicketDto, author: AuthUser): Promise<CreatedTicketDto> {
    const { customerType, organization } = await this.customers.tierFor(author, dto.customer_type);
    const now = this.clock.now();
    const ticket = this.tickets.create({
      issueType: dto.issue_type,
      impact: dto.impact,
      customerType,
      organizationId: organization?.id ?? null,
      organization,
      title: dto.title ?? null,
      description: dto.description ?? null,
      status: 'open',
      createdBy: author.id,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
      closedAt: null,
      firstResolvedAt: null,
      ...NEW_TICKET_WORK,
    });
    const { weights, version } = this.priority;
    const priority = this.priority.score(factsOf(ticket), now, weights);
    Object.assign(ticket, scoreFields(ticket, priority, now, weights, version));
    Object.assign(ticket, this.sla.columns(ticket, now));
    // A plain INSERT (no save() reload, no query builder); the ticket and its `created` entry
    // commit together.
    await this.transactions.run(async (manager) => {
      await insertTicket(manager, ticket);
      const data = createdEventData(ticket, weights);
      await this.events.record(manager, [
        { ticketId: ticket.id, type: 'created', actor: author, at: now, data },
      ]);
    });
    this.totals.added(ticket);
    this.metrics.created(priority.level);
    this.runner.nudge(AUTO_ASSIGNMENT_JOB);
    return {
      ...TicketDto.from(ticket, priority),
      sla: this.sla.view(ticket, now),
      score: priority.score,
      level: priority.level,
    };
  }

  /** Someone else's ticket is "not found" to a reporter, so ids reveal nothing. */
  async findOne(id: number, viewer: AuthUser): Promise<TicketDto> {
    return (await this.toDtos([await this.findVisible(id, viewer)], viewer))[0];
  }

  /** The history of a ticket the viewer may see, oldest first. */
  async history(id: number, viewer: AuthUser): Promise<TicketEventDto[]> {
    await this.findVisible(id, viewer);
    return this.events.listFor(id, viewer);
  }

  async findVisible(id: number, viewer: AuthUser): Promise<Ticket> {
    const ticket = await this.tickets.findOne({
      where: { ...visibleTo(viewer), id },
      relations: PEOPLE,
    });
    if (!ticket) throw new NotFoundException(`Ticket ${id} was not found.`);
    return ticket;
  }

  /** The ticket as a response after a change, read afresh with the people it names. */
  async reload(id: number, viewer: AuthUser): Promise<TicketDto> {
    return (await this.toDtos([await this.findVisible(id, viewer)], viewer))[0];
  }

  /** `toDto` of each, once this instance knows the policy versions that scored them. */
  async toDtos(tickets: Ticket[], viewer?: AuthUser, now = this.clock.now()): Promise<TicketDto[]> {
    await this.policy.know(new Set(tickets.map((t) => t.policyVersion)));
    return tickets.map((ticket) => this.toDto(ticket, viewer, now));
  }

  /**
   * The breakdown is derived for the instant the stored score was computed, with the weights of
   * the policy version that computed it, so its points always add up to the score.
   * Reporters never see an override's reason or author.
   */
  toDto(ticket: Ticket, viewer?: AuthUser, now = this.clock.now()): TicketDto {
    const priority = this.priority.scoreAs(ticket.policyVersion, factsOf(ticket), ticket.scoredAt);
    const sla = this.sla.view(ticket, now);
    return { ...TicketDto.from(ticket, priority, viewer?.role !== 'reporter'), sla };
  }
}
