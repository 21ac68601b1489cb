import {
  queueKey,
  type PriorityLevel,
  type PriorityResult,
  type PriorityService,
} from '@app/priority';
import { ConflictException } from '@nestjs/common';

import type { AuthUser } from '../auth/auth-user';
import type { NewEvent, RetriagedData } from '../ticket-events/ticket-events.service';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import type { Ticket, TicketStatus } from './ticket.entity';
import { canMove, TRANSITIONS } from './ticket-lifecycle';
import { factsOf, scoreFields } from './ticket-scoring';

/** What one PATCH writes, and the history entries it records with it. */
export interface UpdatePlan {
  changes: Partial<Ticket>;
  events: NewEvent[];
  /** The user who newly holds the ticket, if any (their last_assigned_at moves). */
  assignedTo: number | null;
}

type Retriage = Pick<UpdateTicketDto, 'issue_type' | 'impact' | 'customer_type'>;
const RETRIAGE_FIELDS = [
  ['issue_type', 'issueType'],
  ['impact', 'impact'],
  ['customer_type', 'customerType'],
] as const;

interface Step {
  ticket: Ticket;
  dto: UpdateTicketDto;
  actor: AuthUser;
  now: Date;
  plan: UpdatePlan;
}

/**
 * The status a PATCH leads to. Unassigning an in_progress ticket releases it back to open
 * (the only way in_progress → open is allowed); anything else follows the lifecycle.
 */
function targetStatus(ticket: Ticket, dto: UpdateTicketDto): TicketStatus {
  const from = ticket.status;
  const releasing = dto.assignee_id === null && ticket.assigneeId !== null;
  if (releasing && from === 'in_progress' && (dto.status ?? 'open') === 'open') return 'open';
  if (dto.status === undefined) return from;
  if (!canMove(from, dto.status)) {
    const allowed = TRANSITIONS[from].join(' or ');
    throw new ConflictException(`A ${from} ticket can move to ${allowed}, not ${dto.status}.`);
  }
  return dto.status;
}

function planStatus({ ticket, plan, actor, now }: Step, to: TicketStatus): void {
  const from = ticket.status;
  if (to === from) return;
  Object.assign(plan.changes, { status: to });
  if (to === 'resolved') Object.assign(plan.changes, { resolvedAt: now, nextRescoreAt: null });
  if (to === 'closed') Object.assign(plan.changes, { closedAt: now, nextRescoreAt: null });
  if (to === 'open') Object.assign(plan.changes, { resolvedAt: null, closedAt: null });
  plan.events.push({
    ticketId: ticket.id,
    type: 'status_changed',
    actor,
    at: now,
    data: { from, to },
  });
}

/** Starting an unassigned ticket assigns it to whoever starts it. */
function planAssignee({ ticket, dto, actor, now, plan }: Step, to: TicketStatus): void {
  const starting = to === 'in_progress' && ticket.status !== 'in_progress';
  let next = dto.assignee_id !== undefined ? dto.assignee_id : ticket.assigneeId;
  if (starting && next === null) next = actor.id;
  if (next === ticket.assigneeId) return;
  Object.assign(plan.changes, { assigneeId: next, assignedAt: next === null ? null : now });
  plan.assignedTo = next;
  plan.events.push({
    ticketId: ticket.id,
    type: 'assigned',
    actor,
    at: now,
    data: { from: ticket.assigneeId, to: next },
  });
}

function retriageChanges(ticket: Ticket, dto: Retriage): RetriagedData['changes'] {
  const changes: RetriagedData['changes'] = {};
  for (const [field, column] of RETRIAGE_FIELDS) {
    const value = dto[field];
    if (value !== undefined && value !== ticket[column]) changes[field] = [ticket[column], value];
  }
  return changes;
}

/** Re-scores (re-triage or reopening) and re-keys (override) the ticket; records both. */
function planPriority(step: Step, to: TicketStatus, priority: PriorityService): void {
  const { ticket, dto, plan, now } = step;
  const triaged = retriageChanges(ticket, dto);
  const retriaged = Object.keys(triaged).length > 0;
  const reopened = to === 'open' && (ticket.status === 'resolved' || ticket.status === 'closed');
  const overrideLevel =
    dto.priority_override === undefined
      ? ticket.priorityOverrideLevel
      : (dto.priority_override?.level ?? null);
  const facts = {
    ...factsOf(ticket),
    issueType: dto.issue_type ?? ticket.issueType,
    impact: dto.impact ?? ticket.impact,
    customerType: dto.customer_type ?? ticket.customerType,
  };
  const stored = priority.scoreAs(ticket.policyVersion, factsOf(ticket), ticket.scoredAt);
  let computed: PriorityResult = stored;
  if (retriaged || reopened) {
    // A re-score takes the policy in force.
    computed = priority.score(facts, now);
    const scored = {
      createdAt: ticket.createdAt,
      status: to,
      priorityOverrideLevel: overrideLevel,
    };
    const { issueType, impact, customerType } = facts;
    Object.assign(plan.changes, { issueType, impact, customerType });
    Object.assign(
      plan.changes,
      scoreFields(scored, computed, now, priority.weights, priority.version),
    );
  } else if (overrideLevel !== ticket.priorityOverrideLevel || dto.priority_override) {
    const level = overrideLevel ?? stored.level;
    plan.changes.priorityLevel = level;
    plan.changes.queueKey = queueKey(level, ticket.priorityScore, ticket.createdAt);
  }
  const levelAfter = overrideLevel ?? computed.level;
  if (retriaged) plan.events.push(retriagedEvent(step, triaged, computed, levelAfter));
  planOverride(step, computed.level);
}

function retriagedEvent(
  { ticket, actor, now }: Step,
  changes: RetriagedData['changes'],
  computed: PriorityResult,
  levelAfter: PriorityLevel,
): NewEvent {
  return {
    ticketId: ticket.id,
    type: 'retriaged',
    actor,
    at: now,
    data: {
      changes,
      score_from: ticket.priorityScore,
      score_to: computed.score,
      level_from: ticket.priorityLevel,
      level_to: levelAfter,
    },
  };
}

function planOverride(step: Step, computed: PriorityLevel): void {
  const { ticket, dto, plan, actor, now } = step;
  const base = { ticketId: ticket.id, actor, at: now };
  if (dto.priority_override) {
    const { level, reason } = dto.priority_override;
    Object.assign(plan.changes, {
      priorityOverrideLevel: level,
      priorityOverrideReason: reason,
      priorityOverrideBy: actor.id,
      priorityOverrideAt: now,
    });
    const from = ticket.priorityLevel;
    plan.events.push({ ...base, type: 'priority_overridden', data: { from, to: level, reason } });
  } else if (dto.priority_override === null && ticket.priorityOverrideLevel !== null) {
    Object.assign(plan.changes, {
      priorityOverrideLevel: null,
      priorityOverrideReason: null,
      priorityOverrideBy: null,
      priorityOverrideAt: null,
    });
    plan.events.push({ ...base, type: 'override_cleared', data: { level: computed } });
  }
}

/** Everything a PATCH changes, in the order its history records it. */
export function planUpdate(
  ticket: Ticket,
  dto: UpdateTicketDto,
  actor: AuthUser,
  now: Date,
  priority: PriorityService,
): UpdatePlan {
  const step: Step = {
    ticket,
    dto,
    actor,
    now,
    plan: { changes: {}, events: [], assignedTo: null },
  };
  const to = targetStatus(ticket, dto);
  planStatus(step, to);
  planAssignee(step, to);
  planPriority(step, to, priority);
  if (step.plan.events.length > 0) step.plan.changes.updatedAt = now;
  return step.plan;
}
