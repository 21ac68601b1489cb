import { DateTime } from 'luxon';

export type BucketSize = 'day' | 'week';

export interface Bucket {
  /** The local date the bucket starts on (`YYYY-MM-DD` in the report's zone). */
  start: string;
  startMs: number;
  endMs: number;
}

export interface ReportRange {
  startMs: number;
  endMs: number;
  buckets: Bucket[];
}

export const MAX_RANGE_DAYS = 366;
/** Every IANA offset is a multiple of 15 minutes, so local midnights fall on these UTC slots. */
export const SLOT_MS = 15 * 60_000;

/**
 * The buckets of `[from, to]` (local dates, both included) in `zone`: days, or weeks starting on
 * Monday. The first and last week are cut to the range, so every bucket lies inside it. Bucket
 * edges are local midnights, so a DST day is 23 or 25 hours long, as it was lived.
 */
export function reportRange(from: string, to: string, size: BucketSize, zone: string): ReportRange {
  const first = DateTime.fromISO(from, { zone }).startOf('day');
  const afterLast = DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 });
  const buckets: Bucket[] = [];
  let start = first;
  while (start < afterLast) {
    const next =
      size === 'day' ? start.plus({ days: 1 }) : start.startOf('week').plus({ weeks: 1 });
    const end = next < afterLast ? next : afterLast;
    buckets.push({ start: start.toISODate()!, startMs: start.toMillis(), endMs: end.toMillis() });
    start = end;
  }
  return { startMs: first.toMillis(), endMs: afterLast.toMillis(), buckets };
}

/** Problems with a report's range, as messages; empty when it is usable. */
export function rangeProblems(from: string, to: string, zone: string): string[] {
  if (!DateTime.local().setZone(zone).isValid) return [`tz must be an IANA time zone, not ${zone}`];
  const start = DateTime.fromISO(from, { zone });
  const end = DateTime.fromISO(to, { zone });
  if (end < start) return ['to must not be before from'];
  const days = end.diff(start, 'days').days + 1;
  return days > MAX_RANGE_DAYS ? [`the range must be at most ${MAX_RANGE_DAYS} days`] : [];
}

/** Index of the bucket holding `ms`, or -1 outside the range; buckets are sorted and adjacent. */
export function bucketIndex(buckets: Bucket[], ms: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (ms < buckets[mid].startMs) high = mid - 1;
    else if (ms >= buckets[mid].endMs) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** The 1-based rank of the nearest-rank p-th percentile among `count` values; null for none. */
export function nearestRank(count: number, p: number): number | null {
  return count === 0 ? null : Math.max(1, Math.ceil((p / 100) * count));
}

/**
 * Nearest-rank percentile of sorted values (the smallest value with at least p % of the values
 * at or below it): exact, always one of the observed values; null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  const rank = nearestRank(sorted.length, p);
  return rank === null ? null : sorted[rank - 1];
}
