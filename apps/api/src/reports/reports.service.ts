import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { rangeProblems, reportRange, SLOT_MS, type ReportRange } from './report-range';
import { slotsOf } from './report-slots';
import { isLevel, ReportSql, withPending, zeroLevels, type PerLevel } from './report-sql';
import { DurationStats } from './duration-stats';
import { buildSummary, type SlaMetric, type Summary, type TicketOutcome } from './summary';
import type { SummaryQuery } from './dto/summary.query';
import type { AgentsQuery } from './dto/agents.query';
import { agentRows, type AgentReportRow } from './agents-report';

/** The generated durations are in tenths of a minute. */
const minutes = (tenths: number | string | null) => (tenths === null ? null : Number(tenths) / 10);

interface OutcomeRow {
  id: number;
  level: string;
  first_response_tenths: number | string | null;
  resolution_tenths: number | string | null;
}

/**
 * The support lead's figures. The summary reads the aggregates the database keeps per 15-minute
 * UTC slot and per day (migration 1768500000000, docs/reports.md) and sums slots into local
 * days or weeks here, so any time zone is exact; the agents' report reads an index range.
 */
@Injectable()
export class ReportsService {
  private readonly sql: ReportSql;

  constructor(dataSource: DataSource) {
    this.sql = new ReportSql(dataSource);
  }

  async summary(query: SummaryQuery): Promise<Summary> {
    const range = this.rangeOf(query.from, query.to, query.bucket, query.tz);
    return this.sql.snapshot(async (sql) => {
      const [slots, backlogAtStart, durations] = await Promise.all([
        slotsOf(sql, range),
        backlogAt(sql, range.startMs),
        new DurationStats(sql).of(range),
      ]);
      return buildSummary(range, { ...slots, backlogAtStart, durations });
    });
  }

  async agents(query: AgentsQuery): Promise<{ agents: AgentReportRow[] }> {
    const range = this.rangeOf(query.from, query.to, 'day', query.tz);
    return { agents: await agentRows(this.sql, range, await this.assignedOutcomes(range)) };
  }

  private rangeOf(from: string, to: string, bucket: 'day' | 'week', tz: string): ReportRange {
    const problems = rangeProblems(from, to, tz);
    if (problems.length > 0) throw new BadRequestException(`${problems.join('; ')}.`);
    return reportRange(from, to, bucket, tz);
  }

  /** Tickets created in the range and assigned, with their breach flags (the agents' report). */
  private async assignedOutcomes(range: ReportRange) {
    const rows = await this.sql.query<OutcomeRow & { assignee_id: number | null }>(
      `SELECT id, assignee_id, created_level AS level, first_response_tenths, resolution_tenths
        FROM tickets WHERE created_at >= ? AND created_at < ? AND assignee_id IS NOT NULL`,
      [this.sql.at(range.startMs), this.sql.at(range.endMs)],
    );
    const breached = await this.breachedTickets(range);
    return rows.flatMap((row) => {
      if (!isLevel(row.level)) return [];
      const outcome: TicketOutcome = {
        level: row.level,
        firstResponseMinutes: minutes(row.first_response_tenths),
        resolutionMinutes: minutes(row.resolution_tenths),
        breached: {
          first_response: breached.first_response.has(Number(row.id)),
          resolution: breached.resolution.has(Number(row.id)),
        },
      };
      return [{ assigneeId: row.assignee_id === null ? null : Number(row.assignee_id), outcome }];
    });
  }

  private async breachedTickets(range: ReportRange): Promise<Record<SlaMetric, Set<number>>> {
    const tickets = await new DurationStats(this.sql).breachedTickets(range);
    const sets = { first_response: new Set<number>(), resolution: new Set<number>() };
    for (const [id, ticket] of tickets) for (const metric of ticket.breached) sets[metric].add(id);
    return sets;
  }
}

/**
 * Created before `ms` and not resolved (for good) before it, by level at creation: what the
 * slots before it add up to, with the changes not yet folded into them.
 */
async function backlogAt(sql: ReportSql, ms: number): Promise<PerLevel> {
  const rows = await sql.query<{ level: string; n: number | string }>(
    withPending(
      'report_slots',
      'SELECT level, SUM(created) - SUM(resolved) AS n',
      'WHERE slot < ? GROUP BY level',
    ),
    [ms / SLOT_MS, ms / SLOT_MS],
  );
  const backlog = zeroLevels();
  for (const row of rows) if (isLevel(row.level)) backlog[row.level] += Number(row.n);
  return backlog;
}
