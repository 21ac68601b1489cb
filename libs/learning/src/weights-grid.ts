import { levelForScore } from '@app/priority/score';
import {
  CUSTOMER_TYPES,
  ISSUE_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type IssueType,
  type PriorityLevel,
  type PriorityWeights,
} from '@app/priority/weights';

/**
 * The learnable weights as four blocks, each listed from the lowest to the highest rank, so
 * "monotone in severity" is the same rule for every block: points never decrease along a block.
 *   0 issue type [minor, major, critical]; 1 customer [free, paid, enterprise];
 *   2 impact buckets (fewest users first); 3 age buckets (youngest first).
 */
export type Params = number[][];

export interface LevelLabel {
  issueType: IssueType;
  customerType: CustomerType;
  /** Affected users. */
  impact: number;
  /** Age of the ticket when the level was chosen, in milliseconds. */
  ageMs: number;
  level: PriorityLevel;
}

const ISSUES_UP = [...ISSUE_TYPES].reverse();
const CUSTOMERS_UP = [...CUSTOMER_TYPES].reverse();
const HOUR_MS = 3_600_000;

/** Same bucket rules as impactPoints/agePoints in libs/priority, as bucket positions. */
export function impactBucket(impact: number, weights: PriorityWeights): number {
  const i = weights.impact.findIndex((b) => b.maxUsers === undefined || impact <= b.maxUsers);
  return i < 0 ? weights.impact.length - 1 : i;
}

export function ageBucket(ageMs: number, weights: PriorityWeights): number {
  const hours = Math.max(0, ageMs) / HOUR_MS;
  const i = weights.age.findIndex((b) => b.underHours === undefined || hours < b.underHours);
  return i < 0 ? weights.age.length - 1 : i;
}

export function paramsOf(weights: PriorityWeights): Params {
  return [
    ISSUES_UP.map((t) => weights.issueType[t]),
    CUSTOMERS_UP.map((t) => weights.customerType[t]),
    weights.impact.map((b) => b.points),
    weights.age.map((b) => b.points),
  ];
}

/** The weights with `params` as points; bucket bounds and level thresholds stay as in `base`. */
export function weightsOf(params: Params, base: PriorityWeights): PriorityWeights {
  const [issues, customers, impact, age] = params;
  return {
    issueType: Object.fromEntries(
      ISSUES_UP.map((t, i) => [t, issues[i]]),
    ) as PriorityWeights['issueType'],
    customerType: Object.fromEntries(
      CUSTOMERS_UP.map((t, i) => [t, customers[i]]),
    ) as PriorityWeights['customerType'],
    impact: base.impact.map((b, i) => ({ ...b, points: impact[i] })),
    age: base.age.map((b, i) => ({ ...b, points: age[i] })),
    levels: { ...base.levels },
  };
}

/** The name of each parameter, as a path into the policy's `weights`. */
export function paramNames(weights: PriorityWeights): string[][] {
  return [
    ISSUES_UP.map((t) => `issueType.${t}`),
    CUSTOMERS_UP.map((t) => `customerType.${t}`),
    weights.impact.map((_, i) => `impact[${i}].points`),
    weights.age.map((_, i) => `age[${i}].points`),
  ];
}

/**
 * Labels folded into cells: one per combination of block positions, with the count of labels
 * at each level. Every weight set gives all labels of a cell the same level, so a weight set
 * is scored in O(cells) instead of O(labels).
 */
export interface Cells {
  positions: number[][];
  counts: number[][];
  totals: number[];
}

export function cellsOf(labels: readonly LevelLabel[], weights: PriorityWeights): Cells {
  const index = new Map<string, number>();
  const cells: Cells = { positions: [], counts: [], totals: [] };
  for (const label of labels) {
    const positions = [
      ISSUES_UP.indexOf(label.issueType),
      CUSTOMERS_UP.indexOf(label.customerType),
      impactBucket(label.impact, weights),
      ageBucket(label.ageMs, weights),
    ];
    const key = positions.join(',');
    let c = index.get(key);
    if (c === undefined) {
      c = cells.positions.length;
      index.set(key, c);
      cells.positions.push(positions);
      cells.counts.push(PRIORITY_LEVELS.map(() => 0));
      cells.totals.push(0);
    }
    cells.counts[c][PRIORITY_LEVELS.indexOf(label.level)]++;
    cells.totals[c]++;
  }
  return cells;
}

/** Level position (0 = P0) for every score up to `maxScore`, with `weights`' thresholds. */
export function levelTable(maxScore: number, weights: PriorityWeights): number[] {
  return Array.from({ length: maxScore + 1 }, (_, s) =>
    PRIORITY_LEVELS.indexOf(levelForScore(s, weights)),
  );
}
