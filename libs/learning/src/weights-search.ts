import { randomInt, seededRandom, type Random } from './random';
import type { Cells, Params } from './weights-grid';

export interface SearchSpace {
  cells: Cells;
  /** Level position for every reachable score (levelTable). */
  levelOf: number[];
  /** The active weights as params: the regularisation pulls toward them. */
  anchor: Params;
  /** Highest points of one weight (the grid is 0..maxPoints). */
  maxPoints: number;
  /** Objective cost of moving one weight by one point, in disagreements. */
  penalty: number;
}

export interface SearchResult {
  params: Params;
  disagreements: number;
  distance: number;
  objective: number;
}

const EPSILON = 1e-9;

const blockDistance = (space: SearchSpace, b: number, seq: readonly number[]) =>
  seq.reduce((sum, p, g) => sum + Math.abs(p - space.anchor[b][g]), 0);

const totalDistance = (space: SearchSpace, params: Params) =>
  params.reduce((sum, seq, b) => sum + blockDistance(space, b, seq), 0);

export function disagreements(space: SearchSpace, params: Params): number {
  const { positions, counts, totals } = space.cells;
  let wrong = 0;
  for (let c = 0; c < positions.length; c++) {
    let score = 0;
    for (let b = 0; b < params.length; b++) score += params[b][positions[c][b]];
    wrong += totals[c] - counts[c][space.levelOf[score]];
  }
  return wrong;
}

export function evaluate(space: SearchSpace, params: Params): SearchResult {
  const wrong = disagreements(space, params);
  const distance = totalDistance(space, params);
  return { params, disagreements: wrong, distance, objective: wrong + space.penalty * distance };
}

/**
 * The exact best non-decreasing points of block `b` with the other blocks fixed: a cell's level
 * depends on this block only through the points at its position, so the disagreements split
 * into one table per position and point value, and a dynamic programme over positions (each
 * at least the previous) finds the minimum. Returns the block's share of the objective.
 */
export function bestBlock(space: SearchSpace, params: Params, b: number) {
  const { positions, counts, totals } = space.cells;
  const size = params[b].length;
  const values = space.maxPoints + 1;
  const anchor = space.anchor[b];
  // cost[g * values + p]: objective share of position g at p points.
  const cost = new Float64Array(size * values);
  for (let g = 0; g < size; g++) {
    for (let p = 0; p < values; p++) cost[g * values + p] = space.penalty * Math.abs(p - anchor[g]);
  }
  const levelOf = space.levelOf;
  for (let c = 0; c < positions.length; c++) {
    const at = positions[c];
    let rest = 0;
    for (let o = 0; o < params.length; o++) if (o !== b) rest += params[o][at[o]];
    const row = at[b] * values;
    const count = counts[c];
    const total = totals[c];
    for (let p = 0; p < values; p++) cost[row + p] += total - count[levelOf[rest + p]];
  }
  // After the loop cost[g * values + p] is the least cost of positions 0..g with g at p;
  // from[] remembers the p of position g - 1 it came from.
  const from = new Int32Array(size * values);
  for (let g = 1; g < size; g++) {
    let min = Infinity;
    let argmin = 0;
    for (let p = 0; p < values; p++) {
      const previous = cost[(g - 1) * values + p];
      if (previous < min - EPSILON) {
        min = previous;
        argmin = p;
      }
      cost[g * values + p] += min;
      from[g * values + p] = argmin;
    }
  }
  const lastRow = (size - 1) * values;
  let p = 0;
  for (let q = 1; q < values; q++) if (cost[lastRow + q] < cost[lastRow + p] - EPSILON) p = q;
  const value = cost[lastRow + p];
  const seq = new Array<number>(size);
  for (let g = size - 1; g >= 0; g--) {
    seq[g] = p;
    p = from[g * values + p];
  }
  return { seq, value };
}

/** Every non-decreasing sequence of `size` values in 0..max, or null when there are too many. */
export function monotoneSequences(size: number, max: number, limit = 5000): number[][] | null {
  const out: number[][] = [];
  const walk = (prefix: number[], low: number): boolean => {
    if (prefix.length === size) return out.push([...prefix]) <= limit;
    for (let v = low; v <= max; v++) {
      prefix.push(v);
      const ok = walk(prefix, v);
      prefix.pop();
      if (!ok) return false;
    }
    return true;
  };
  return walk([], 0) ? out : null;
}

const withBlock = (params: Params, b: number, seq: number[]): Params =>
  params.map((s, i) => (i === b ? seq : s));

/** One sweep of single-block steps; returns the improved params or null. */
function blockSweep(space: SearchSpace, current: SearchResult): SearchResult | null {
  let result = current;
  let improved = false;
  for (let b = 0; b < result.params.length; b++) {
    const { seq } = bestBlock(space, result.params, b);
    const candidate = evaluate(space, withBlock(result.params, b, seq));
    if (candidate.objective < result.objective - EPSILON) {
      result = candidate;
      improved = true;
    }
  }
  return improved ? result : null;
}

/**
 * Pair steps: every sequence of block `a` combined with the exact best of block `b`. They
 * escape the plateaus where no single block can move alone (e.g. raise issue type and lower
 * customer type together). The first improvement found is taken; block sweeps resume from it.
 */
function pairStep(space: SearchSpace, current: SearchResult, all: (number[][] | null)[]) {
  const blockDistances = current.params.map((seq, b) => blockDistance(space, b, seq));
  const total = blockDistances.reduce((x, y) => x + y, 0);
  for (let a = 0; a < current.params.length; a++) {
    const sequences = all[a];
    if (!sequences) continue;
    for (let b = 0; b < current.params.length; b++) {
      if (b === a) continue;
      const others = total - blockDistances[a] - blockDistances[b];
      for (const seqA of sequences) {
        const params = withBlock(current.params, a, seqA);
        const { seq, value } = bestBlock(space, params, b);
        // bestBlock's value holds every disagreement and block b's distance.
        const objective = value + space.penalty * (others + blockDistance(space, a, seqA));
        if (objective < current.objective - EPSILON) {
          return evaluate(space, withBlock(params, b, seq));
        }
      }
    }
  }
  return null;
}

/** Block coordinate descent to a local optimum; with `pairs`, pair steps when blocks are stuck. */
export function descend(space: SearchSpace, start: Params, pairs = true): SearchResult {
  const all = start.map((seq) => (pairs ? monotoneSequences(seq.length, space.maxPoints) : null));
  let current = evaluate(space, start);
  for (;;) {
    const next = blockSweep(space, current) ?? (pairs ? pairStep(space, current, all) : null);
    if (!next) return current;
    current = next;
  }
}

function randomStart(space: SearchSpace, random: Random): Params {
  return space.anchor.map((seq) =>
    seq.map(() => randomInt(random, space.maxPoints + 1)).sort((x, y) => x - y),
  );
}

/** The anchor moved onto the grid: rounded, clamped, and made non-decreasing. */
export function onGrid(space: SearchSpace, params: Params): Params {
  return params.map((seq) => {
    let floor = 0;
    return seq.map((p) => (floor = Math.max(floor, Math.min(space.maxPoints, Math.round(p)))));
  });
}

const better = (x: SearchResult, y: SearchResult) =>
  x.objective < y.objective - EPSILON ||
  (Math.abs(x.objective - y.objective) <= EPSILON && x.distance < y.distance);

export interface SearchOptions {
  seed: number;
  /** Seeded random starts besides the active weights. */
  restarts: number;
  /** How many of the best block-descent optima get the (costlier) pair steps. */
  polish: number;
}

/**
 * Block descent from the active weights and from seeded random starts (cheap: one dynamic
 * programme per block and sweep); the best few optima are then polished with pair steps, and
 * the best of those wins (ties: the one closest to the active weights, then the earliest start).
 */
export function searchWeights(space: SearchSpace, options: SearchOptions): SearchResult {
  const random = seededRandom(options.seed);
  const starts = [onGrid(space, space.anchor)];
  for (let r = 0; r < options.restarts; r++) starts.push(randomStart(space, random));
  const optima = starts
    .map((start, order) => ({ result: descend(space, start, false), order }))
    .sort((x, y) =>
      better(x.result, y.result) ? -1 : better(y.result, x.result) ? 1 : x.order - y.order,
    );
  let best: SearchResult | undefined;
  for (const { result } of optima.slice(0, Math.max(1, options.polish))) {
    const polished = descend(space, result.params, true);
    if (!best || better(polished, best)) best = polished;
  }
  return best!;
}
