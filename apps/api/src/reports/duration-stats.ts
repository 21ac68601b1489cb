import { PRIORITY_LEVELS, type PriorityLevel } from '@app/priority';

import { addBins, binBounds, binOf, locateRank, splitByUtcDays } from './duration-bins';
import { nearestRank, type ReportRange } from './report-range';
import { isLevel, withPending, zeroLevels, type PerLevel, type ReportSql } from './report-sql';
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

type Histograms = Record<SlaMetric, Record<PriorityLevel, Map<number, number>>>;

const emptyHistograms = (): Histograms => {
  const perLevel = () =>
    Object.fromEntries(PRIORITY_LEVELS.map((level) => [level, new Map<number, number>()]));
  return {
    first_response: perLevel() as Histograms['first_response'],
    resolution: perLevel() as Histograms['resolution'],
  };
};

/**
 * The exact medians, p90s and SLA shares of the tickets created in a range (docs/reports.md,
 * "How it stays fast"): the binned counts of the range (whole UTC days from
 * `report_duration_days`, the ragged edges from the tickets), the bin holding each rank, then
 * one index read for the value at that rank inside its bin. No range-sized scan.
 */
export class DurationStats {
  constructor(private readonly sql: ReportSql) {}

  async of(range: ReportRange): Promise<Record<SlaMetric, MetricStats>> {
    const [breaches, histograms] = await Promise.all([
      this.breachedTickets(range),
      this.histograms(range),
    ]);
    const metrics = await Promise.all(
      SLA_METRICS.map((metric) => this.metricSpread(metric, histograms[metric], range)),
    );
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

  private async histograms(range: ReportRange): Promise<Histograms> {
    const { firstDay, endDay, add, subtract } = splitByUtcDays(range.startMs, range.endMs);
    const stretches = [
      ...add.map((s) => ({ s, sign: 1 })),
      ...subtract.map((s) => ({ s, sign: -1 })),
    ];
    const [days, ...tickets] = await Promise.all([
      this.sql.query<{ metric: string; level: string; bin: number | string; n: number | string }>(
        withPending(
          'report_duration_days',
          'SELECT metric, level, bin, SUM(n) AS n',
          'WHERE day >= ? AND day < ? GROUP BY metric, level, bin',
        ),
        [firstDay, endDay, firstDay, endDay],
      ),
      ...stretches.map(({ s: [from, to] }) =>
        this.sql.query<Record<'level' | SlaMetric, number | string | null>>(
          `SELECT created_level AS level, ${DURATION_COLUMNS.first_response} AS first_response,
              ${DURATION_COLUMNS.resolution} AS resolution
            FROM tickets WHERE created_at >= ? AND created_at < ?`,
          [this.sql.at(from), this.sql.at(to)],
        ),
      ),
    ]);
    const histograms = emptyHistograms();
    for (const row of days) {
      const metric = row.metric as SlaMetric;
      if (!isLevel(row.level) || !SLA_METRICS.includes(metric)) continue;
      addBins(histograms[metric][row.level], Number(row.bin), Number(row.n));
    }
    tickets.forEach((rows, i) => {
      for (const row of rows) {
        if (!isLevel(row.level)) continue;
        for (const metric of SLA_METRICS) {
          const tenths = row[metric];
          if (tenths === null) continue;
          addBins(histograms[metric][row.level], binOf(Number(tenths)), stretches[i].sign);
        }
      }
    });
    return histograms;
  }

  private async metricSpread(
    metric: SlaMetric,
    histograms: Record<PriorityLevel, Map<number, number>>,
    range: ReportRange,
  ) {
    const column = DURATION_COLUMNS[metric];
    const table = `tickets ${this.sql.useIndex(durationIndex(column))}`;
    const kth = async (level: PriorityLevel, rank: number | null) => {
      const bins = [...histograms[level]].map(([bin, n]) => ({ bin, n }));
      const found = rank === null ? null : locateRank(bins, rank);
      if (found === null) return null;
      const { lo, hi } = binBounds(found.bin);
      const [row] = await this.sql.query<{ v: number | string }>(
        `SELECT ${column} AS v FROM ${table} WHERE created_level = ? AND ${column} >= ?
          AND ${column} <= ? AND created_at >= ? AND created_at < ? ORDER BY ${column} LIMIT 1 OFFSET ?`,
        [level, lo, hi, this.sql.at(range.startMs), this.sql.at(range.endMs), found.rankInBin - 1],
      );
      return row === undefined ? null : Number(row.v) / 10;
    };
    const reached = zeroLevels();
    for (const level of PRIORITY_LEVELS) {
      for (const n of histograms[level].values()) reached[level] += n;
    }
    const values = await Promise.all(
      PRIORITY_LEVELS.flatMap((level) =>
        [50, 90].map((p) => kth(level, nearestRank(reached[level], p))),
      ),
    );
    const spread = {} as Spread;
    PRIORITY_LEVELS.forEach((level, i) => {
      spread[level] = { median: values[2 * i], p90: values[2 * i + 1] };
    });
    return { spread, reached };
  }

  /**
   * Tickets created in the range with a breach recorded (at or after the range's start), by id:
   * the summary's SLA shares and the agents' report both read them here.
   */
  async breachedTickets(range: ReportRange): Promise<Map<number, BreachedTicket>> {
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
