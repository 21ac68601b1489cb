import type { EntityManager } from 'typeorm';

import { lockClause } from '../assignment/assignment-queries';
import type { SlaColumns } from '../sla/sla.service';
import { ACTIVE_STATUSES, type Ticket } from '../tickets/ticket.entity';
import { sqlDateTime } from '../tickets/ticket-rows';
import type { ScoreFields } from '../tickets/ticket-scoring';

/** What a re-score reads of a ticket: its score inputs, its SLA facts and the counted fields. */
export type DueTicket = Pick<
  Ticket,
  | 'id'
  | 'status'
  | 'issueType'
  | 'customerType'
  | 'impact'
  | 'createdAt'
  | 'createdBy'
  | 'assigneeId'
  | 'organizationId'
  | 'priorityLevel'
  | 'priorityOverrideLevel'
  | 'firstResponseAt'
  | 'firstResolvedAt'
  | 'slaPauses'
  | 'slaFlags'
>;

/** The columns one re-score writes. */
export type RescoredColumns = ScoreFields & SlaColumns;

/**
 * The columns that follow from the score and the SLA (all written columns but `scored_at` and
 * `policy_version`), each as its SQL parameter: DATETIME(3) text, numbers, the level.
 */
export const DERIVED: [string, (c: RescoredColumns) => string | number | null][] = [
  ['priority_score', (c) => c.priorityScore],
  ['priority_level', (c) => c.priorityLevel],
  ['queue_key', (c) => c.queueKey],
  ['next_rescore_at', (c) => sqlDateTime(c.nextRescoreAt)],
  ['sla_due_key', (c) => c.slaDueKey],
  ['sla_breach_at', (c) => sqlDateTime(c.slaBreachAt)],
  ['sla_risk_from', (c) => sqlDateTime(c.slaRiskFrom)],
  ['sla_risk_until', (c) => sqlDateTime(c.slaRiskUntil)],
  ['sla_next_check_at', (c) => sqlDateTime(c.slaNextCheckAt)],
];

/** A due ticket and the derived columns it has now, in `DERIVED` order and form. */
export interface DueRow {
  ticket: DueTicket;
  stored: (string | number | null)[];
}

/** A stored value in the form `DERIVED` gives it (mysql2 returns BIGINT as text, DATETIME as a Date). */
function storedValue(name: string, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (name.endsWith('_at')) return sqlDateTime(toDate(value as Date | string));
  return name === 'priority_level' ? (value as string) : Number(value);
}

const ACTIVE = ACTIVE_STATUSES.map((status) => `'${status}'`).join(', ');

/** A DATETIME as the drivers return it: mysql2 a Date (UTC), better-sqlite3 UTC text. */
const toDate = (value: Date | string | null): Date | null => {
  if (value === null || value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
};

/**
 * Up to `limit` active tickets still scored with a version older than `version`, with their
 * derived columns, locked for this transaction (MySQL: rows another instance holds are skipped),
 * read as plain rows: hydrating entities was a large part of a batch's cost.
 */
export async function lockDueTickets(
  manager: EntityManager,
  version: number,
  limit: number,
): Promise<DueRow[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    'SELECT id, status, issue_type, customer_type, impact, created_at, created_by, assignee_id, ' +
      'organization_id, priority_level, priority_override_level, first_response_at, ' +
      `first_resolved_at, sla_pauses, sla_flags, ${DERIVED.map(([name]) => name).join(', ')} ` +
      'FROM tickets ' +
      `WHERE status IN (${ACTIVE}) AND policy_version < ? LIMIT ${Math.trunc(limit)}` +
      lockClause(manager, true),
    [version],
  );
  return rows.map((row) => ({
    ticket: dueTicket(row),
    stored: DERIVED.map(([name]) => storedValue(name, row[name])),
  }));
}

function dueTicket(row: Record<string, unknown>): DueTicket {
  return {
    id: Number(row.id),
    status: row.status as Ticket['status'],
    issueType: row.issue_type as Ticket['issueType'],
    customerType: row.customer_type as Ticket['customerType'],
    impact: Number(row.impact),
    createdAt: toDate(row.created_at as string | Date)!,
    createdBy: Number(row.created_by),
    assigneeId: row.assignee_id === null ? null : Number(row.assignee_id),
    organizationId: row.organization_id === null ? null : Number(row.organization_id),
    priorityLevel: row.priority_level as Ticket['priorityLevel'],
    priorityOverrideLevel: row.priority_override_level as Ticket['priorityOverrideLevel'],
    firstResponseAt: toDate(row.first_response_at as string | Date | null),
    firstResolvedAt: toDate(row.first_resolved_at as string | Date | null),
    slaPauses: row.sla_pauses as string | null,
    slaFlags: Number(row.sla_flags ?? 0),
  };
}
