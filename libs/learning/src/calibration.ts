import { softmax } from './naive-bayes';

export interface ScoredExample {
  scores: number[];
  /** Index of the true class. */
  label: number;
}

/** Mean negative log-likelihood of the true classes under `softmax(scores / temperature)`. */
export function meanLogLoss(examples: readonly ScoredExample[], temperature: number): number {
  let loss = 0;
  for (const { scores, label } of examples) {
    loss -= Math.log(Math.max(1e-12, softmax(scores, temperature)[label]));
  }
  return loss / Math.max(1, examples.length);
}

const LOG_MIN_BETA = Math.log(1e-4);
const LOG_MAX_BETA = Math.log(10);
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The temperature that minimises the log loss of out-of-fold scores (temperature scaling). The
 * loss is convex in 1/T, so a golden-section search on log(1/T) finds the minimum.
 */
export function fitTemperature(examples: readonly ScoredExample[], iterations = 60): number {
  if (examples.length === 0) return 1;
  const loss = (logBeta: number) => meanLogLoss(examples, 1 / Math.exp(logBeta));
  let lo = LOG_MIN_BETA;
  let hi = LOG_MAX_BETA;
  let x1 = hi - GOLDEN * (hi - lo);
  let x2 = lo + GOLDEN * (hi - lo);
  let f1 = loss(x1);
  let f2 = loss(x2);
  for (let i = 0; i < iterations; i++) {
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - GOLDEN * (hi - lo);
      f1 = loss(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + GOLDEN * (hi - lo);
      f2 = loss(x2);
    }
  }
  return 1 / Math.exp((lo + hi) / 2);
}
