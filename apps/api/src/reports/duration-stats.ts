import { PRIORITY_LEVELS, type PriorityLevel } from '@app/priority';

import { nearestRank, type ReportRange } from './report-range';
import { isLevel, zeroLevels, type PerLevel, type ReportSql } from './report-sql';
import { SLA_METRICS, type SlaMetric } from './summary';

/** The generated duration column of each metric (migrations/1768200000001-ReportDurations.ts). */
export const DURATION_COLUMNS: Record<SlaMetric, string> = {
  first_response: 'first_response_tenths',
  resolution: 'resolution_tenths',
};
const durationIndex = (column: string) => `IDX_tickets_level_${column}`;

export type Spread = Record<PriorityLevel, { median: number | null; p90: number | null }>;

/** Per level: tickets with the moment, and of the decided targets (met or breached), the met. */
export interface MetricStats {
  spread: Spread;
  decided: PerLevel;
  onTime: PerLevel;
}

interface BreachedTicket {
  level: PriorityLevel;
  /** Which metrics' moments the ticket has (a breached target may still be met late). */
  reached: Record<SlaMetric, boolean>;
  breached: Set<SlaMetric>;
}

/**
 * The exact medians, p90s and SLA shares of the tickets created in a range, read from the
 * duration indexes: a count per level, then the k-th value per level and percentile, so no
 * ticket row leaves the database (docs/reports.md, "How it stays fast").
 */
export class DurationStats {
  constructor(private readonly sql: ReportSql) {}

  async of(range: ReportRange): Promise<Record<SlaMetric, MetricStats>> {
    const [breaches, ...metrics] = await Promise.all([
      this.breachedTickets(range),
      ...SLA_METRICS.map((metric) => this.metricSpread(metric, range)),
    ]);
    const stats = {} as Record<SlaMetric, MetricStats>;
    SLA_METRICS.forEach((metric, i) => {
      const { spread, reached } = metrics[i];
      const decided = { ...reached };
      const onTime = { ...reached };
      for (const ticket of breaches.values()) {
        if (!ticket.breached.has(metric)) continue;
        if (ticket.reached[metric]) onTime[ticket.level]--;
        else decided[ticket.level]++;
      }
      stats[metric] = { spread, decided, onTime };
    });
    return stats;
  }

  private async metricSpread(metric: SlaMetric, range: ReportRange) {
    const column = DURATION_COLUMNS[metric];
    const from = this.sql.at(range.startMs);
    const to = this.sql.at(range.endMs);
    const table = `tickets ${this.sql.useIndex(durationIndex(column))}`;
    const counts = await this.sql.query<{ level: string; n: number | string }>(
      `SELECT created_level AS level, COUNT(*) AS n FROM ${table}
        WHERE ${column} IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY created_level`,
      [from, to],
    );
    const reached = zeroLevels();
    for (const row of counts) if (isLevel(row.level)) reached[row.level] = Number(row.n);
    const kth = async (level: PriorityLevel, rank: number | null) => {
      if (rank === null) return null;
      const [row] = await this.sql.query<{ v: number | string }>(
        `SELECT ${column} AS v FROM ${table} WHERE created_level = ? AND ${column} IS NOT NULL
          AND created_at >= ? AND created_at < ? ORDER BY ${column} LIMIT 1 OFFSET ?`,
        [level, from, to, rank - 1],
      );
      return row === undefined ? null : Number(row.v) / 10;
    };
    const spread = {} as Spread;
    for (const level of PRIORITY_LEVELS) {
      spread[level] = {
        median: await kth(level, nearestRank(reached[level], 50)),
        p90: await kth(level, nearestRank(reached[level], 90)),
      };
    }
    return { spread, reached };
  }

  /** Tickets created in the range with a breach recorded (at or after the range's start). */
  private async breachedTickets(range: ReportRange): Promise<Map<number, BreachedTicket>> {
    const rows = await this.sql.query<{
      id: number;
      level: string;
      data: string;
      first_response: number | string | null;
      resolution: number | string | null;
    }>(
      `SELECT t.id, t.created_level AS level, e.data, t.${DURATION_COLUMNS.first_response} AS first_response,
          t.${DURATION_COLUMNS.resolution} AS resolution
        FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.type = 'sla_breached' AND e.created_at >= ? AND t.created_at >= ? AND t.created_at < ?`,
      [this.sql.at(range.startMs), this.sql.at(range.startMs), this.sql.at(range.endMs)],
    );
    const tickets = new Map<number, BreachedTicket>();
    for (const row of rows) {
      const metric = (JSON.parse(row.data) as { metric?: SlaMetric }).metric;
      if (!isLevel(row.level) || !metric || !SLA_METRICS.includes(metric)) continue;
      const id = Number(row.id);
      const ticket = tickets.get(id) ?? {
        level: row.level,
        reached: {
          first_response: row.first_response !== null,
          resolution: row.resolution !== null,
        },
        breached: new Set<SlaMetric>(),
      };
      ticket.breached.add(metric);
      tickets.set(id, ticket);
    }
    return tickets;
  }
}
