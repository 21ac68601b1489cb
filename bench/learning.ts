/**
 * Timing of the learning library at the sizes the issue names (not part of npm test):
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/learning.ts
 */
import { DEFAULT_WEIGHTS, ISSUE_TYPES, type PriorityWeights } from '@app/priority';

import { learnWeights, trainTextClassifier } from '../libs/learning/src';
import { syntheticCorpus, syntheticLabels } from '../libs/learning/src/testing/synthetic';

const KNOWN: PriorityWeights = {
  ...DEFAULT_WEIGHTS,
  issueType: { critical: 8, major: 4, minor: 0 },
  customerType: { enterprise: 4, paid: 2, free: 1 },
};

function time<T>(label: string, work: () => T): T {
  const started = process.hrtime.bigint();
  const result = work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${label}: ${ms.toFixed(0)} ms`);
  return result;
}

for (const n of [1_000, 10_000, 50_000]) {
  const labels = syntheticLabels(n, KNOWN, 1, 0.05);
  const learned = time(`learnWeights, ${n} labels`, () =>
    learnWeights(labels, DEFAULT_WEIGHTS, { seed: 14 }),
  );
  console.log(`  agreement ${learned.agreementBefore} -> ${learned.agreementAfter}`);
  const corpus = syntheticCorpus(n, 2);
  const trained = time(`trainTextClassifier, ${n} tickets`, () =>
    trainTextClassifier(corpus, { classes: ISSUE_TYPES, seed: 14 }),
  );
  console.log(`  hold-out accuracy ${trained.holdoutAccuracy}`);
}
