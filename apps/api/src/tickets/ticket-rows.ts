import type { EntityManager } from 'typeorm';

import type { Ticket } from './ticket.entity';

/**
 * Plain INSERTs for the write hot path. TypeORM's insert builder spent about a sixth of the CPU
 * of POST /tickets rebuilding the same statement each time; this text is fixed, so both drivers
 * reuse their prepared form, and the values are bound as parameters like any other query.
 */
const TICKET_INSERT =
  'INSERT INTO tickets (issue_type, impact, customer_type, title, description, status, ' +
  'priority_score, priority_level, scored_at, created_by, created_at, updated_at, queue_key, ' +
  'next_rescore_at, resolved_at, closed_at, first_resolved_at, sla_due_key, sla_breach_at, ' +
  'sla_risk_from, sla_risk_until, sla_next_check_at, created_level, organization_id, policy_version) ' +
  `VALUES (${Array(25).fill('?').join(', ')})`;

/** The work columns of a new ticket (the INSERT leaves them to their NULL defaults). */
export const NEW_TICKET_WORK = {
  assigneeId: null,
  assignedAt: null,
  firstResponseAt: null,
  priorityOverrideLevel: null,
  priorityOverrideReason: null,
  priorityOverrideBy: null,
  priorityOverrideAt: null,
  slaPauses: null,
  slaFlags: 0,
} as const satisfies Partial<Ticket>;

/** DATETIME(3) text in UTC, as TypeORM itself writes it on both engines. */
export const sqlDateTime = (date: Date | null): string | null =>
  date ? date.toISOString().replace('T', ' ').slice(0, 23) : null;

/** better-sqlite3 answers an INSERT with the new rowid; mysql2 with a result header. */
export function insertedId(raw: unknown): number {
  if (typeof raw === 'number' || typeof raw === 'bigint') return Number(raw);
  const id = (raw as { insertId?: number } | null)?.insertId;
  if (typeof id !== 'number') throw new Error('The database did not return the new id.');
  return id;
}

/** Inserts `ticket` and writes its generated id back into it. */
export async function insertTicket(manager: EntityManager, ticket: Ticket): Promise<void> {
  const raw: unknown = await manager.query(TICKET_INSERT, [
    ticket.issueType,
    ticket.impact,
    ticket.customerType,
    ticket.title,
    ticket.description,
    ticket.status,
    ticket.priorityScore,
    ticket.priorityLevel,
    sqlDateTime(ticket.scoredAt),
    ticket.createdBy,
    sqlDateTime(ticket.createdAt),
    sqlDateTime(ticket.updatedAt),
    ticket.queueKey,
    sqlDateTime(ticket.nextRescoreAt),
    sqlDateTime(ticket.resolvedAt),
    sqlDateTime(ticket.closedAt),
    sqlDateTime(ticket.firstResolvedAt),
    ticket.slaDueKey,
    sqlDateTime(ticket.slaBreachAt),
    sqlDateTime(ticket.slaRiskFrom),
    sqlDateTime(ticket.slaRiskUntil),
    sqlDateTime(ticket.slaNextCheckAt),
    // The level in force at creation, which reports group by.
    ticket.createdLevel ?? ticket.priorityLevel,
    ticket.organizationId ?? null,
    ticket.policyVersion,
  ]);
  ticket.id = insertedId(raw);
}
