import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { rangeProblems, reportRange, type ReportRange } from './report-range';
import { isLevel, ReportSql, zeroLevels, type PerLevel } from './report-sql';
import { DurationStats } from './duration-stats';
import {
  buildSummary,
  SLA_METRICS,
  type SlaMetric,
  type Summary,
  type TicketOutcome,
} from './summary';
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
 * The support lead's figures, computed from the tickets and their history on demand. Every
 * query reads an index range (see docs/reports.md); grouping happens per 15-minute UTC slot in
 * the database and per local day or week here, so any time zone is exact.
 */
@Injectable()
export class ReportsService {
  private readonly sql: ReportSql;
  private readonly durations: DurationStats;

  constructor(dataSource: DataSource) {
    this.sql = new ReportSql(dataSource);
    this.durations = new DurationStats(this.sql);
  }

  async summary(query: SummaryQuery): Promise<Summary> {
    const range = this.rangeOf(query.from, query.to, query.bucket, query.tz);
    const [created, resolved, escalations, overrides, breaches, backlogAtStart, durations] =
      await Promise.all([
        this.levelSlots('created_at', range),
        this.levelSlots('resolved_at', range),
        this.eventSlots('level_raised', range),
        this.eventSlots('priority_overridden', range),
        this.breachDueTimes(range),
        this.backlogAt(range.startMs),
        this.durations.of(range),
      ]);
    return buildSummary(range, {
      created,
      resolved,
      escalations,
      overrides,
      breaches,
      backlogAtStart,
      durations,
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

  private async levelSlots(column: 'created_at' | 'resolved_at', range: ReportRange) {
    const rows = await this.sql.query<{ slot: number | string; level: string; n: number | string }>(
      `SELECT ${this.sql.slot(column)} AS slot, created_level AS level, COUNT(*) AS n FROM tickets
        WHERE ${column} >= ? AND ${column} < ? GROUP BY ${this.sql.slot(column)}, created_level`,
      [this.sql.at(range.startMs), this.sql.at(range.endMs)],
    );
    return rows.flatMap((r) =>
      isLevel(r.level) ? [{ slot: Number(r.slot), level: r.level, n: Number(r.n) }] : [],
    );
  }

  private async eventSlots(type: string, range: ReportRange) {
    const rows = await this.sql.query<{ slot: number | string; n: number | string }>(
      `SELECT ${this.sql.slot('created_at')} AS slot, COUNT(*) AS n FROM ticket_events
        WHERE type = ? AND created_at >= ? AND created_at < ? GROUP BY ${this.sql.slot('created_at')}`,
      [type, this.sql.at(range.startMs), this.sql.at(range.endMs)],
    );
    return rows.map((r) => ({ slot: Number(r.slot), n: Number(r.n) }));
  }

  /** A breach is recorded at or after its due instant, so events from the start on hold them all. */
  private async breachDueTimes(range: ReportRange) {
    const rows = await this.sql.query<{ data: string }>(
      `SELECT data FROM ticket_events WHERE type = 'sla_breached' AND created_at >= ?`,
      [this.sql.at(range.startMs)],
    );
    return rows.flatMap((row) => {
      const data = JSON.parse(row.data) as { metric?: SlaMetric; due_at?: string };
      const dueMs = data.due_at ? Date.parse(data.due_at) : NaN;
      return SLA_METRICS.includes(data.metric!) && dueMs < range.endMs
        ? [{ dueMs, metric: data.metric! }]
        : [];
    });
  }

  /** Created before `ms` and not resolved (for good) before it, by level at creation. */
  private async backlogAt(ms: number): Promise<PerLevel> {
    const count = (column: string) =>
      this.sql.query<{ level: string; n: number | string }>(
        `SELECT created_level AS level, COUNT(*) AS n FROM tickets WHERE ${column} < ?
          GROUP BY created_level`,
        [this.sql.at(ms)],
      );
    const [created, resolved] = await Promise.all([count('created_at'), count('resolved_at')]);
    const backlog = zeroLevels();
    for (const row of created) if (isLevel(row.level)) backlog[row.level] += Number(row.n);
    for (const row of resolved) if (isLevel(row.level)) backlog[row.level] -= Number(row.n);
    return backlog;
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
    const rows = await this.sql.query<{ ticket_id: number; data: string }>(
      `SELECT e.ticket_id, e.data FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.type = 'sla_breached' AND e.created_at >= ? AND t.created_at >= ? AND t.created_at < ?`,
      [this.sql.at(range.startMs), this.sql.at(range.startMs), this.sql.at(range.endMs)],
    );
    const sets = { first_response: new Set<number>(), resolution: new Set<number>() };
    for (const row of rows) {
      const metric = (JSON.parse(row.data) as { metric?: SlaMetric }).metric;
      if (metric && metric in sets) sets[metric].add(Number(row.ticket_id));
    }
    return sets;
  }
}
