import { agePoints, basePoints, levelForScore } from '@app/priority/score';
import {
  findWeightProblems,
  type PriorityLevel,
  type PriorityWeights,
} from '@app/priority/weights';

import { holdoutSplit } from './random';
import {
  cellsOf,
  levelTable,
  paramNames,
  paramsOf,
  weightsOf,
  type LevelLabel,
} from './weights-grid';
import { searchWeights } from './weights-search';

export interface LearnWeightsOptions {
  seed: number;
  /** Share of labels held out to measure agreement (default 0.2). */
  holdoutFraction?: number;
  /** Highest points of one weight (default 10). */
  maxPoints?: number;
  /**
   * Disagreements one point of change must save to be worth it (default 0.1: ten points of
   * change for one label): among fits of equal agreement the closest to the active weights wins.
   */
  penalty?: number;
  /** Seeded random starts besides the active weights (default 32). */
  restarts?: number;
  /** Best starts polished with pair steps (default 6). */
  polish?: number;
}

export interface WeightChange {
  /** Path into the policy's `weights`, e.g. `issueType.critical` or `age[2].points`. */
  weight: string;
  from: number;
  to: number;
}

export interface LearnedWeights {
  proposed: PriorityWeights;
  labelsUsed: number;
  trainLabels: number;
  holdoutLabels: number;
  /** Share of held-out labels the active weights agree with (0–1; null with no held-out label). */
  agreementBefore: number | null;
  agreementAfter: number | null;
  /** Disagreements on the training part, before and after. */
  trainDisagreementsBefore: number;
  trainDisagreementsAfter: number;
  changed: WeightChange[];
}

/** The level `weights` give a label, with libs/priority's own scoring functions. */
export function levelOf(label: LevelLabel, weights: PriorityWeights): PriorityLevel {
  const score = basePoints(label, weights) + agePoints(label.ageMs, weights);
  return levelForScore(score, weights);
}

export function agreement(labels: readonly LevelLabel[], weights: PriorityWeights): number | null {
  if (labels.length === 0) return null;
  return labels.filter((l) => levelOf(l, weights) === l.level).length / labels.length;
}

function changesBetween(active: PriorityWeights, proposed: PriorityWeights): WeightChange[] {
  const names = paramNames(active).flat();
  const from = paramsOf(active).flat();
  const to = paramsOf(proposed).flat();
  return names.flatMap((weight, i) =>
    from[i] === to[i] ? [] : [{ weight, from: from[i], to: to[i] }],
  );
}

/**
 * Fits integer points (0..maxPoints, non-decreasing in severity, customer tier, impact and age)
 * that disagree least with the labelled levels of 80 % of the labels, plus `penalty` per point
 * away from the active weights; thresholds and bucket bounds stay. Agreement is measured on the
 * other 20 %. See docs/learning.md for the search.
 */
export function learnWeights(
  labels: readonly LevelLabel[],
  active: PriorityWeights,
  options: LearnWeightsOptions,
): LearnedWeights {
  const maxPoints = options.maxPoints ?? 10;
  const { train, holdout } = holdoutSplit(labels, options.holdoutFraction ?? 0.2, options.seed);
  const space = {
    cells: cellsOf(train, active),
    levelOf: levelTable(maxPoints * 4, active),
    anchor: paramsOf(active),
    maxPoints,
    penalty: options.penalty ?? 0.1,
  };
  const found = searchWeights(space, {
    seed: options.seed,
    restarts: options.restarts ?? 32,
    polish: options.polish ?? 6,
  });
  const proposed = weightsOf(found.params, active);
  const problems = findWeightProblems(proposed);
  if (problems.length) throw new Error(`Learned weights are invalid: ${problems.join('; ')}`);
  const wrongBefore = train.filter((l) => levelOf(l, active) !== l.level).length;
  return {
    proposed,
    labelsUsed: labels.length,
    trainLabels: train.length,
    holdoutLabels: holdout.length,
    agreementBefore: agreement(holdout, active),
    agreementAfter: agreement(holdout, proposed),
    trainDisagreementsBefore: wrongBefore,
    trainDisagreementsAfter: found.disagreements,
    changed: changesBetween(active, proposed),
  };
}
