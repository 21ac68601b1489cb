import { PriorityService } from '@app/priority';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';

import { AUTO_ASSIGNMENT_JOB, STAFF_ROLES } from '../assignment/assignment.constants';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { ValidationFailedException } from '../common/validation';
import { Transactions } from '../database/transactions';
import { DueWorkRunner } from '../due-work/due-work.runner';
import { TicketMetrics } from '../metrics/ticket-metrics';
import { slaStatusFacts } from '../sla/sla-status';
import { SlaService } from '../sla/sla.service';
import { TicketEventsService } from '../ticket-events/ticket-events.service';
import { User } from '../users/user.entity';
import type { TicketDto } from './dto/ticket.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import { Ticket } from './ticket.entity';
import { TicketTotals } from './ticket-totals';
import { planUpdate, type UpdatePlan } from './ticket-update-plan';
import { TicketsService } from './tickets.service';

const FIELDS = [
  'status',
  'assignee_id',
  'priority_override',
  'issue_type',
  'impact',
  'customer_type',
] as const;

/**
 * PATCH /tickets/:id: status, assignee, priority override and re-triage, applied together in
 * one transaction with their history entries.
 */
@Injectable()
export class TicketLifecycleService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly transactions: Transactions,
    private readonly ticketsService: TicketsService,
    private readonly priority: PriorityService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly clock: Clock,
    private readonly runner: DueWorkRunner,
    private readonly sla: SlaService,
    private readonly metrics: TicketMetrics,
  ) {}

  async update(id: number, dto: UpdateTicketDto, actor: AuthUser): Promise<TicketDto> {
    if (FIELDS.every((field) => dto[field] === undefined)) {
      throw new ValidationFailedException([
        { field: 'body', messages: [`give at least one of ${FIELDS.join(', ')}`] },
      ]);
    }
    const ticket = await this.ticketsService.findVisible(id, actor);
    if (typeof dto.assignee_id === 'number') await this.checkAssignee(dto.assignee_id);
    const now = this.clock.now();
    const plan = planUpdate(ticket, dto, actor, now, this.priority);
    if (plan.events.length > 0) {
      this.withSla(ticket, plan, now);
      await this.transactions.runContended((manager) => this.apply(manager, ticket, plan, now));
      this.totals.changed(ticket, { ...ticket, ...plan.changes });
      this.observe(ticket, plan, now);
      if (mayFreeCapacity(ticket, plan)) this.runner.nudge(AUTO_ASSIGNMENT_JOB);
    }
    return this.ticketsService.reload(id, actor);
  }

  /**
   * Conditional on what was read (status, assignee, last change, last score): a concurrent
   * change (a claim, an auto-assignment, another PATCH, aging) makes this one a 409.
   */
  private async apply(manager: EntityManager, ticket: Ticket, plan: UpdatePlan, now: Date) {
    // The assignee's row first: the ticket's foreign key check takes a shared lock on it, so
    // taking the exclusive one afterwards deadlocked two starts by one agent on MySQL.
    if (plan.assignedTo !== null) {
      await manager.update(User, { id: plan.assignedTo }, { lastAssignedAt: now });
    }
    const result = await manager.update(
      Ticket,
      {
        id: ticket.id,
        status: ticket.status,
        assigneeId: ticket.assigneeId ?? IsNull(),
        updatedAt: ticket.updatedAt,
        scoredAt: ticket.scoredAt,
      },
      plan.changes,
    );
    if (!result.affected) throw new ConflictException('The ticket changed meanwhile; try again.');
    await this.events.record(manager, plan.events);
  }

  /** After the commit: only what happened is counted. */
  private observe(ticket: Ticket, plan: UpdatePlan, now: Date): void {
    const { changes } = plan;
    if (changes.status === 'resolved' && ticket.status !== 'resolved') {
      this.metrics.resolved(changes.priorityLevel ?? ticket.priorityLevel, ticket.createdAt, now);
    }
    if (plan.assignedTo !== null) this.metrics.assigned('manual');
  }

  /** Pending opens or closes a pause; any change of level or status refreshes the SLA columns. */
  private withSla(ticket: Ticket, plan: UpdatePlan, now: Date): void {
    const to = plan.changes.status;
    if (to !== undefined && to !== ticket.status) {
      Object.assign(plan.changes, slaStatusFacts(ticket, to, now));
    }
    Object.assign(plan.changes, this.sla.columns({ ...ticket, ...plan.changes }, now));
  }

  private async checkAssignee(id: number): Promise<void> {
    const user = await this.users.findOneBy({ id, role: In([...STAFF_ROLES]), disabled: false });
    if (!user) {
      throw new ValidationFailedException([
        { field: 'assignee_id', messages: ['assignee_id must be an active agent or admin'] },
      ]);
    }
  }
}

/** A ticket left someone's hands (unassigned, reassigned, resolved or closed while assigned). */
function mayFreeCapacity(ticket: Ticket, plan: UpdatePlan): boolean {
  const { changes } = plan;
  if (changes.assigneeId !== undefined) return true;
  const done = changes.status === 'resolved' || changes.status === 'closed';
  return ticket.assigneeId !== null && done;
}
