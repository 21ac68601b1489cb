import { PRIORITY_LEVELS, type PriorityLevel } from '@app/priority';

import type { MetricStats, Spread } from './duration-stats';
import { bucketIndex, SLOT_MS, type ReportRange } from './report-range';
import { zeroLevels, type PerLevel } from './report-sql';

export const SLA_METRICS = ['first_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** A count per 15-minute slot and level (created, resolved). */
export interface SlotCount {
  slot: number;
  level: PriorityLevel;
  n: number;
}

/** One ticket created in the range, with what its outcome needs (the agents' report). */
export interface TicketOutcome {
  level: PriorityLevel;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  breached: Record<SlaMetric, boolean>;
}

export interface SummaryInputs {
  created: SlotCount[];
  resolved: SlotCount[];
  /** Level rises by aging, and overrides, per slot. */
  escalations: { slot: number; n: number }[];
  overrides: { slot: number; n: number }[];
  /** Breaches per slot of their target's due instant, and which target. */
  breaches: { slot: number; metric: SlaMetric; n: number }[];
  /** Active tickets at the range's start, by level at creation. */
  backlogAtStart: PerLevel;
  /** Over the tickets created in the range. */
  durations: Record<SlaMetric, MetricStats>;
}

export interface SummaryBucket {
  start: string;
  created: PerLevel;
  resolved: PerLevel;
  backlog: PerLevel;
  escalations: number;
  overrides: number;
  sla_breaches: Record<SlaMetric, number>;
}

type PercentPerLevel = Record<PriorityLevel, number | null>;

export interface Summary {
  buckets: SummaryBucket[];
  totals: {
    created: PerLevel;
    resolved: PerLevel;
    first_response_minutes: Spread;
    resolution_minutes: Spread;
    sla_met_percent: Record<SlaMetric, PercentPerLevel>;
  };
}

/** Puts the slot counts and outcomes of a range into its buckets; pure. */
export function buildSummary(range: ReportRange, inputs: SummaryInputs): Summary {
  const buckets = range.buckets.map((bucket): SummaryBucket => ({
    start: bucket.start,
    created: zeroLevels(),
    resolved: zeroLevels(),
    backlog: zeroLevels(),
    escalations: 0,
    overrides: 0,
    sla_breaches: { first_response: 0, resolution: 0 },
  }));
  const at = (ms: number) => buckets[bucketIndex(range.buckets, ms)] as SummaryBucket | undefined;
  for (const { slot, level, n } of inputs.created) at(slot * SLOT_MS)!.created[level] += n;
  for (const { slot, level, n } of inputs.resolved) at(slot * SLOT_MS)!.resolved[level] += n;
  for (const { slot, n } of inputs.escalations) at(slot * SLOT_MS)!.escalations += n;
  for (const { slot, n } of inputs.overrides) at(slot * SLOT_MS)!.overrides += n;
  for (const { slot, metric, n } of inputs.breaches) at(slot * SLOT_MS)!.sla_breaches[metric] += n;
  const running = { ...inputs.backlogAtStart };
  for (const bucket of buckets) {
    for (const level of PRIORITY_LEVELS) {
      running[level] += bucket.created[level] - bucket.resolved[level];
    }
    bucket.backlog = { ...running };
  }
  return { buckets, totals: totalsOf(buckets, inputs.durations) };
}

function totalsOf(
  buckets: SummaryBucket[],
  durations: Record<SlaMetric, MetricStats>,
): Summary['totals'] {
  const sum = (pick: (b: SummaryBucket) => PerLevel) => {
    const total = zeroLevels();
    for (const bucket of buckets) {
      for (const level of PRIORITY_LEVELS) total[level] += pick(bucket)[level];
    }
    return total;
  };
  return {
    created: sum((b) => b.created),
    resolved: sum((b) => b.resolved),
    first_response_minutes: durations.first_response.spread,
    resolution_minutes: durations.resolution.spread,
    sla_met_percent: {
      first_response: metPercent(durations.first_response),
      resolution: metPercent(durations.resolution),
    },
  };
}

/**
 * Of the tickets whose target is decided (met, or breached), the share met on time, in percent
 * with one decimal; null when none is decided yet.
 */
function metPercent({ decided, onTime }: MetricStats): PercentPerLevel {
  const result = {} as PercentPerLevel;
  for (const level of PRIORITY_LEVELS) {
    result[level] = decided[level]
      ? Math.round((onTime[level] / decided[level]) * 1000) / 10
      : null;
  }
  return result;
}
