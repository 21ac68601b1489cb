/**
 * The coarse duration histogram behind the exact percentiles (docs/reports.md, "How it stays
 * fast"). Durations are whole tenths of a minute. A bin holds the values that share their two
 * leading digits, rounded down to an even number (10–11, 12–13 … 98–99, then 100–119 …), so a
 * bin is at most 20 % wide and 45 bins cover each power of ten; values under 10 get a bin each,
 * and bin 0 also holds any negative value. Integer-only digit arithmetic, so the database
 * computes the very same bin in a trigger (migrations/1768500000000-ReportAggregates.ts); pure.
 */

/** Below every duration: the lower bound of bin 0, which also takes negative values. */
export const BELOW_ALL = -2_147_483_648;
const BINS_PER_DECADE = 45;

/** The bin of a duration in tenths of a minute. */
export function binOf(tenths: number): number {
  if (tenths < 10) return Math.max(0, tenths);
  const digits = String(tenths);
  const leading = Number(digits.slice(0, 2));
  return 10 + (digits.length - 2) * BINS_PER_DECADE + Math.floor((leading - 10) / 2);
}

/** The smallest and largest value of a bin, both included. */
export function binBounds(bin: number): { lo: number; hi: number } {
  if (bin < 10) return { lo: bin === 0 ? BELOW_ALL : bin, hi: bin };
  const decade = Math.floor((bin - 10) / BINS_PER_DECADE);
  const step = (bin - 10) % BINS_PER_DECADE;
  const scale = 10 ** decade;
  return { lo: (10 + 2 * step) * scale, hi: (12 + 2 * step) * scale - 1 };
}

/** A bin and how many values of the range fall in it. */
export interface BinCount {
  bin: number;
  n: number;
}

/**
 * Where the `rank`-th smallest value (1-based) lies: its bin, and its 1-based rank among that
 * bin's values. Null when there are fewer than `rank` values.
 */
export function locateRank(
  bins: readonly BinCount[],
  rank: number,
): { bin: number; rankInBin: number } | null {
  const sorted = [...bins].sort((a, b) => a.bin - b.bin);
  let below = 0;
  for (const { bin, n } of sorted) {
    if (below + n >= rank) return { bin, rankInBin: rank - below };
    below += n;
  }
  return null;
}

/** Counts `n` more values in `bin`. */
export function addBins(into: Map<number, number>, bin: number, n: number): void {
  into.set(bin, (into.get(bin) ?? 0) + n);
}

const DAY_MS = 86_400_000;

/**
 * The whole UTC days inside `[startMs, endMs)` (read from the daily histogram), and the parts
 * of the range outside them (read from the tickets themselves; at most a day on each side).
 */
export function splitByUtcDays(
  startMs: number,
  endMs: number,
): { firstDay: number; endDay: number; edges: [number, number][] } {
  const firstDay = Math.ceil(startMs / DAY_MS);
  const endDay = Math.floor(endMs / DAY_MS);
  if (firstDay >= endDay) return { firstDay, endDay: firstDay, edges: [[startMs, endMs]] };
  const edges: [number, number][] = [];
  if (startMs < firstDay * DAY_MS) edges.push([startMs, firstDay * DAY_MS]);
  if (endDay * DAY_MS < endMs) edges.push([endDay * DAY_MS, endMs]);
  return { firstDay, endDay, edges };
}
