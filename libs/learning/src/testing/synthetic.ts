/** Synthetic data for the tests of this library and of the API (not part of the public surface). */
import { CUSTOMER_TYPES, ISSUE_TYPES, type PriorityWeights } from '@app/priority/weights';

import type { LabelledText } from '../classifier';
import { randomInt, seededRandom, type Random } from '../random';
import type { LevelLabel } from '../weights-grid';
import { levelOf } from '../weights-learner';

/** Words that mark each type in the synthetic corpus, and words every type uses. */
export const TYPE_TERMS: Record<string, string[]> = {
  critical: ['outage', 'crash', 'breach', 'unavailable', 'corrupted'],
  major: ['slow', 'timeout', 'degraded', 'intermittent', 'sync'],
  minor: ['typo', 'tooltip', 'alignment', 'cosmetic', 'wording'],
};
const FILLER = ['customer', 'page', 'dashboard', 'report', 'mobile', 'account', 'invoice', 'users'];

const pick = <T>(random: Random, list: readonly T[]) => list[randomInt(random, list.length)];

/** Tickets whose text carries two or three words of their type among common words. */
export function syntheticCorpus(count: number, seed: number, noise = 0.05): LabelledText[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const label = pick(random, ISSUE_TYPES);
    const words = Array.from({ length: 2 + randomInt(random, 2) }, () =>
      pick(random, TYPE_TERMS[random() < noise ? pick(random, ISSUE_TYPES) : label]),
    );
    for (let i = 0; i < 4 + randomInt(random, 5); i++) {
      words.splice(randomInt(random, words.length + 1), 0, pick(random, FILLER));
    }
    return { title: words.slice(0, 3).join(' '), description: words.slice(3).join(' '), label };
  });
}

/** Random ticket facts, labelled with the level `weights` give them; `flip` share mislabelled. */
export function syntheticLabels(
  count: number,
  weights: PriorityWeights,
  seed: number,
  flip = 0,
): LevelLabel[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const facts = {
      issueType: pick(random, ISSUE_TYPES),
      customerType: pick(random, CUSTOMER_TYPES),
      impact: Math.max(1, Math.round(Math.exp(random() * 9))),
      ageMs: Math.floor(random() * 96 * 3_600_000),
    };
    const level = random() < flip ? pick(random, ['P0', 'P1', 'P2', 'P3'] as const) : null;
    return { ...facts, level: level ?? levelOf({ ...facts, level: 'P3' }, weights) };
  });
}
