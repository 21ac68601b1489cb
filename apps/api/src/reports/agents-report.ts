import { percentile, type ReportRange } from './report-range';
import { ACTIVE_STATUSES, type ReportSql } from './report-sql';
import type { TicketOutcome } from './summary';

export interface AgentReportRow {
  agent: { id: number; username: string; role: string };
  /** Tickets created in the range and assigned to the agent now. */
  assigned: number;
  resolved: number;
  median_resolution_minutes: number | null;
  first_responses: number;
  /** Of their decided resolution targets, the share met, in percent; null when none. */
  resolution_sla_met_percent: number | null;
  /** Active tickets assigned to them now, whenever created. */
  open_now: number;
}

interface AssignedOutcome {
  assigneeId: number | null;
  outcome: TicketOutcome;
}

/** One row per active agent and admin (and anyone else holding tickets of the range). */
export async function agentRows(
  sql: ReportSql,
  range: ReportRange,
  assigned: AssignedOutcome[],
): Promise<AgentReportRow[]> {
  const [people, openNow] = await Promise.all([
    sql.query<{ id: number; username: string; role: string }>(
      `SELECT id, username, role FROM users
        WHERE (role IN ('agent', 'admin') AND disabled = 0) OR id IN (
          SELECT assignee_id FROM tickets WHERE assignee_id IS NOT NULL AND created_at >= ? AND created_at < ?)
        ORDER BY username`,
      [sql.at(range.startMs), sql.at(range.endMs)],
    ),
    sql.query<{ assignee_id: number; n: number | string }>(
      `SELECT assignee_id, COUNT(*) AS n FROM tickets
        WHERE assignee_id IS NOT NULL AND status IN (${ACTIVE_STATUSES.map(() => '?').join(', ')})
        GROUP BY assignee_id`,
      [...ACTIVE_STATUSES],
    ),
  ]);
  const open = new Map(openNow.map((row) => [Number(row.assignee_id), Number(row.n)]));
  return people.map((person) => {
    const mine = assigned.filter((a) => a.assigneeId === Number(person.id)).map((a) => a.outcome);
    const resolutions = mine
      .flatMap((o) => (o.resolutionMinutes === null ? [] : [o.resolutionMinutes]))
      .sort((a, b) => a - b);
    const decided = mine.filter((o) => o.resolutionMinutes !== null || o.breached.resolution);
    const onTime = decided.filter((o) => !o.breached.resolution).length;
    return {
      agent: { id: Number(person.id), username: person.username, role: person.role },
      assigned: mine.length,
      resolved: resolutions.length,
      median_resolution_minutes: percentile(resolutions, 50),
      first_responses: mine.filter((o) => o.firstResponseMinutes !== null).length,
      resolution_sla_met_percent: decided.length
        ? Math.round((onTime / decided.length) * 1000) / 10
        : null,
      open_now: open.get(Number(person.id)) ?? 0,
    };
  });
}
