import { PRIORITY_LEVELS, type PriorityLevel } from '@app/priority';

import { bucketIndex, percentile, SLOT_MS, type ReportRange } from './report-range';
import { zeroLevels, type PerLevel } from './report-sql';

export const SLA_METRICS = ['first_response', 'resolution'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

/** A count per 15-minute slot and level (created, resolved). */
export interface SlotCount {
  slot: number;
  level: PriorityLevel;
  n: number;
}

/** One ticket created in the range, with what its outcome needs. */
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
  /** Breach events: their target's due instant, and which target. */
  breaches: { dueMs: number; metric: SlaMetric }[];
  /** Active tickets at the range's start, by level at creation. */
  backlogAtStart: PerLevel;
  outcomes: TicketOutcome[];
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

type Spread = Record<PriorityLevel, { median: number | null; p90: number | null }>;
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

/** Puts the slot counts, events and outcomes of a range into its buckets; pure. */
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
  for (const { dueMs, metric } of inputs.breaches) {
    const bucket = at(dueMs);
    if (bucket) bucket.sla_breaches[metric]++;
  }
  const running = { ...inputs.backlogAtStart };
  for (const bucket of buckets) {
    for (const level of PRIORITY_LEVELS) {
      running[level] += bucket.created[level] - bucket.resolved[level];
    }
    bucket.backlog = { ...running };
  }
  return { buckets, totals: totalsOf(buckets, inputs.outcomes) };
}

function totalsOf(buckets: SummaryBucket[], outcomes: TicketOutcome[]): Summary['totals'] {
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
    first_response_minutes: spread(outcomes, (o) => o.firstResponseMinutes),
    resolution_minutes: spread(outcomes, (o) => o.resolutionMinutes),
    sla_met_percent: {
      first_response: metPercent(outcomes, 'first_response', (o) => o.firstResponseMinutes),
      resolution: metPercent(outcomes, 'resolution', (o) => o.resolutionMinutes),
    },
  };
}

function spread(outcomes: TicketOutcome[], value: (o: TicketOutcome) => number | null): Spread {
  const result = {} as Spread;
  for (const level of PRIORITY_LEVELS) {
    const sorted = outcomes
      .filter((o) => o.level === level)
      .flatMap((o) => (value(o) === null ? [] : [value(o)!]))
      .sort((a, b) => a - b);
    result[level] = { median: percentile(sorted, 50), p90: percentile(sorted, 90) };
  }
  return result;
}

/**
 * Of the tickets whose target is decided (met, or breached), the share met on time, in percent
 * with one decimal; null when none is decided yet.
 */
function metPercent(
  outcomes: TicketOutcome[],
  metric: SlaMetric,
  metAt: (o: TicketOutcome) => number | null,
): PercentPerLevel {
  const result = {} as PercentPerLevel;
  for (const level of PRIORITY_LEVELS) {
    const decided = outcomes.filter(
      (o) => o.level === level && (metAt(o) !== null || o.breached[metric]),
    );
    const onTime = decided.filter((o) => !o.breached[metric]).length;
    result[level] = decided.length ? Math.round((onTime / decided.length) * 1000) / 10 : null;
  }
  return result;
}
