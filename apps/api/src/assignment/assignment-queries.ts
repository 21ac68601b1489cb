import type { AgentLoad } from '@app/priority';
import { IsNull, type EntityManager } from 'typeorm';

import { ACTIVE_STATUSES, Ticket } from '../tickets/ticket.entity';
import { sqlDateTime } from '../tickets/ticket-rows';

export const isMysql = (manager: EntityManager) => manager.connection.options.type === 'mysql';

/** Row locks exist on MySQL; SQLite has one writer, which is a lock on everything already. */
export const lockClause = (manager: EntityManager, skipLocked: boolean) =>
  isMysql(manager) ? (skipLocked ? ' FOR UPDATE SKIP LOCKED' : ' FOR UPDATE') : '';

/** The columns a waiting ticket is picked with (what the totals and the history need). */
export interface WaitingRow {
  id: number;
  created_by: number;
  status: 'open';
  priority_level: string;
  issue_type: string;
  customer_type: string;
}

export interface WaitingFilter {
  priorityLevel?: string;
  customerType?: string;
}

/**
 * The next open, unassigned tickets in queue order, locked for this transaction; on MySQL rows
 * another transaction holds are skipped, not waited for. IDX_tickets_assignee_queue
 * (assignee_id, status, queue_key, id) serves it as one forward range.
 */
export async function lockWaiting(
  manager: EntityManager,
  limit: number,
  filter: WaitingFilter = {},
): Promise<WaitingRow[]> {
  const where = ["assignee_id IS NULL AND status = 'open'"];
  const params: unknown[] = [];
  if (filter.priorityLevel) {
    where.push('priority_level = ?');
    params.push(filter.priorityLevel);
  }
  if (filter.customerType) {
    where.push('customer_type = ?');
    params.push(filter.customerType);
  }
  const rows: WaitingRow[] = await manager.query(
    'SELECT id, created_by, status, priority_level, issue_type, customer_type FROM tickets ' +
      `WHERE ${where.join(' AND ')} ORDER BY queue_key, id LIMIT ${Math.trunc(limit)}` +
      lockClause(manager, true),
    params,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id), created_by: Number(row.created_by) }));
}

/** Takes a waiting ticket only if it is still open and unassigned; true when this call won. */
export async function takeTicket(
  manager: EntityManager,
  id: number,
  assigneeId: number,
  now: Date,
  start: boolean,
): Promise<boolean> {
  const result = await manager.update(
    Ticket,
    { id, assigneeId: IsNull(), status: 'open' },
    { assigneeId, assignedAt: now, updatedAt: now, ...(start ? { status: 'in_progress' } : {}) },
  );
  return result.affected === 1;
}

export const touchAssigned = (manager: EntityManager, ids: number[], now: Date) =>
  ids.length === 0
    ? Promise.resolve()
    : manager.query(
        `UPDATE users SET last_assigned_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`,
        [sqlDateTime(now), ...ids],
      );

/** Active tickets held by each of `ids` (agents without any are absent). */
export async function activeCounts(
  manager: EntityManager,
  ids: number[],
): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const statuses = ACTIVE_STATUSES.map(() => '?').join(', ');
  const rows: { assignee_id: number; n: number | string }[] = await manager.query(
    `SELECT assignee_id, COUNT(*) AS n FROM tickets WHERE assignee_id IN (${ids
      .map(() => '?')
      .join(', ')}) AND status IN (${statuses}) GROUP BY assignee_id`,
    [...ids, ...ACTIVE_STATUSES],
  );
  return new Map(rows.map((row) => [Number(row.assignee_id), Number(row.n)]));
}

/** Staff who take auto-assigned work: active, and available (agents by default, admins if set). */
export const AVAILABLE_STAFF =
  "disabled = 0 AND role IN ('agent', 'admin') AND " +
  "(available = 1 OR (available IS NULL AND role = 'agent'))";

/** Locks the available staff rows (MySQL): the guard that keeps every agent within capacity. */
export async function lockAvailableAgents(
  manager: EntityManager,
  defaultCapacity: number,
): Promise<AgentLoad[]> {
  const rows: { id: number; capacity: number | null; last_assigned_at: string | Date | null }[] =
    await manager.query(
      `SELECT id, capacity, last_assigned_at FROM users WHERE ${AVAILABLE_STAFF} ORDER BY id` +
        lockClause(manager, false),
    );
  const counts = await activeCounts(
    manager,
    rows.map((row) => Number(row.id)),
  );
  return rows.map((row) => ({
    id: Number(row.id),
    open: counts.get(Number(row.id)) ?? 0,
    capacity: row.capacity ?? defaultCapacity,
    lastAssignedAt: toDate(row.last_assigned_at),
  }));
}

function toDate(value: string | Date | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}Z`);
}
