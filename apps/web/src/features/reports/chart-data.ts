import type { LevelCounts, PriorityLevel, Summary } from '../../api/types';
import { LEVELS } from '../../shared/badges';

/** One drawn series: bars (left of, on, or right of the category) or a line. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** A level's colour, or another named colour of the theme. */
  color: PriorityLevel | 'accent' | 'ok' | 'text';
  kind: 'bar' | 'line';
  side?: -1 | 0 | 1;
}

/** What a chart shows; its table (the text alternative) is built from the same figures. */
export interface ChartSpec {
  categories: string[];
  series: ChartSeries[];
  yLabel: string;
}

/**
 * Stacked bars by level, drawn as overlapping bars of running totals: P0, P0+P1, … The tallest
 * (all levels, coloured P3) is drawn first, so each level shows as its own segment.
 */
function stacked(rows: LevelCounts[], prefix: string, side: -1 | 1): ChartSeries[] {
  return LEVELS.map((level, index) => ({
    label: `${prefix} ${level}`,
    values: rows.map((row) => LEVELS.slice(0, index + 1).reduce((sum, l) => sum + row[l], 0)),
    color: level,
    kind: 'bar' as const,
    side,
  })).reverse();
}

export const byLevel = <T>(value: (level: PriorityLevel) => T): Record<PriorityLevel, T> => ({
  P0: value('P0'),
  P1: value('P1'),
  P2: value('P2'),
  P3: value('P3'),
});

export const total = (counts: LevelCounts) => LEVELS.reduce((sum, level) => sum + counts[level], 0);

export function flowChart(summary: Summary): ChartSpec {
  const { buckets } = summary;
  return {
    categories: buckets.map((b) => b.start),
    series: [
      ...stacked(
        buckets.map((b) => b.created),
        'Created',
        -1,
      ),
      ...stacked(
        buckets.map((b) => b.resolved),
        'Resolved',
        1,
      ),
    ],
    yLabel: 'Tickets',
  };
}

export function backlogChart(summary: Summary): ChartSpec {
  const { buckets } = summary;
  return {
    categories: buckets.map((b) => b.start),
    series: [
      ...LEVELS.map((level) => ({
        label: level,
        values: buckets.map((b) => b.backlog[level]),
        color: level,
        kind: 'line' as const,
      })),
      {
        label: 'All levels',
        values: buckets.map((b) => total(b.backlog)),
        color: 'text',
        kind: 'line',
      },
    ],
    yLabel: 'Active tickets',
  };
}

export function slaChart(summary: Summary): ChartSpec {
  const met = summary.totals.sla_met_percent;
  return {
    categories: [...LEVELS],
    series: [
      {
        label: 'First response',
        values: LEVELS.map((l) => met.first_response[l]),
        color: 'accent',
        kind: 'bar',
        side: -1,
      },
      {
        label: 'Resolution',
        values: LEVELS.map((l) => met.resolution[l]),
        color: 'ok',
        kind: 'bar',
        side: 1,
      },
    ],
    yLabel: 'Targets met (%)',
  };
}

export function timesChart(summary: Summary, metric: 'first_response' | 'resolution'): ChartSpec {
  const spread = summary.totals[`${metric}_minutes`];
  return {
    categories: [...LEVELS],
    series: [
      {
        label: 'Median',
        values: LEVELS.map((l) => spread[l].median),
        color: 'accent',
        kind: 'bar',
        side: -1,
      },
      {
        label: '90th percentile',
        values: LEVELS.map((l) => spread[l].p90),
        color: 'text',
        kind: 'bar',
        side: 1,
      },
    ],
    yLabel: 'Minutes',
  };
}
