import {
  nextAgeBoundary,
  queueKey,
  type PriorityResult,
  type PriorityWeights,
  type TicketFacts,
} from '@app/priority';

import type { CreatedEventData } from '../ticket-events/ticket-events.service';
import type { Ticket, TicketStatus } from './ticket.entity';

export const factsOf = (
  ticket: Pick<Ticket, 'issueType' | 'customerType' | 'impact' | 'createdAt'>,
): TicketFacts => ({
  issueType: ticket.issueType,
  customerType: ticket.customerType,
  impact: ticket.impact,
  createdAt: ticket.createdAt,
});

/** Only work still waiting for someone gains age points (pending too: the customer waits). */
export const isAging = (status: TicketStatus): boolean =>
  status === 'open' || status === 'in_progress' || status === 'pending';

export type ScoreFields = Pick<
  Ticket,
  'priorityScore' | 'priorityLevel' | 'scoredAt' | 'queueKey' | 'nextRescoreAt' | 'policyVersion'
>;

/**
 * Every stored column that follows from a score computed at `now` with the weights of policy
 * `version`. A priority override pins the level in force (and so the queue key's leading part);
 * the score keeps following the weights.
 */
export function scoreFields(
  ticket: Pick<Ticket, 'createdAt' | 'status' | 'priorityOverrideLevel'>,
  priority: PriorityResult,
  now: Date,
  weights: PriorityWeights,
  version: number,
): ScoreFields {
  const level = ticket.priorityOverrideLevel ?? priority.level;
  return {
    priorityScore: priority.score,
    priorityLevel: level,
    scoredAt: now,
    queueKey: queueKey(level, priority.score, ticket.createdAt),
    nextRescoreAt: isAging(ticket.status) ? nextAgeBoundary(ticket.createdAt, now, weights) : null,
    policyVersion: version,
  };
}

/** What the `created` history entry keeps: the inputs and the weights that produced the score. */
export function createdEventData(
  ticket: Ticket,
  weights: PriorityWeights,
  imported = false,
): CreatedEventData {
  return {
    inputs: {
      issue_type: ticket.issueType,
      impact: ticket.impact,
      customer_type: ticket.customerType,
      created_at: ticket.createdAt.toISOString(),
    },
    weights,
    score: ticket.priorityScore,
    level: ticket.priorityLevel,
    ...(imported ? { imported: true as const } : {}),
  };
}
