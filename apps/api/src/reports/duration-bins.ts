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

/** A range as whole UTC days of the daily histogram, plus and minus stretches of tickets. */
export interface DaySplit {
  /** UTC day numbers (days since the epoch), `firstDay` included, `endDay` not. */
  firstDay: number;
  endDay: number;
  /** Stretches `[from, to)` whose tickets are added to the days' counts, or taken from them. */
  add: [number, number][];
  subtract: [number, number][];
}

/**
 * `[startMs, endMs)` as whole UTC days, and the ragged edges (a local midnight off UTC's) as
 * stretches of tickets read one by one. A partial day counts as whole when more than half of it
 * is in the range, minus the part outside, so no stretch is longer than 12 hours.
 */
export function splitByUtcDays(startMs: number, endMs: number): DaySplit {
  const first = Math.floor(startMs / DAY_MS);
  const end = Math.ceil(endMs / DAY_MS);
  const head = startMs - first * DAY_MS;
  const tail = end * DAY_MS - endMs;
  const split: DaySplit = { firstDay: first, endDay: end, add: [], subtract: [] };
  if (end - first === 1) {
    if (head + tail <= endMs - startMs) {
      if (head > 0) split.subtract.push([first * DAY_MS, startMs]);
      if (tail > 0) split.subtract.push([endMs, end * DAY_MS]);
    } else {
      Object.assign(split, { endDay: first, add: [[startMs, endMs]] });
    }
    return split;
  }
  if (head > DAY_MS / 2) {
    split.firstDay = first + 1;
    split.add.push([startMs, split.firstDay * DAY_MS]);
  } else if (head > 0) split.subtract.push([first * DAY_MS, startMs]);
  if (tail > DAY_MS / 2) {
    split.endDay = end - 1;
    split.add.push([split.endDay * DAY_MS, endMs]);
  } else if (tail > 0) split.subtract.push([endMs, end * DAY_MS]);
  return split;
}
