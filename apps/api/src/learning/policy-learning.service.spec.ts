import { DEFAULT_WEIGHTS, type PriorityService, type PriorityWeights } from '@app/priority';

import { syntheticLabels } from '../../../../libs/learning/src/testing/synthetic';
import type { LearningLabels } from './learning-labels';
import { PolicyLearningService } from './policy-learning.service';
import type { WeightsPreview } from './weights-preview';

const KNOWN: PriorityWeights = {
  ...DEFAULT_WEIGHTS,
  issueType: { critical: 9, major: 4, minor: 1 },
};

describe('PolicyLearningService', () => {
  const labels = { levelLabels: () => Promise.resolve(syntheticLabels(500, KNOWN, 1)) };
  const priority = { weights: DEFAULT_WEIGHTS } as PriorityService;
  const WHAT_IF = {
    tickets_considered: 3,
    level_changes: { 'P2->P1': 1 },
    unchanged: 2,
    top_movers: [],
    first_page_before: [1, 2, 3],
    first_page_after: [2, 1, 3],
    sla_breached_before: 0,
    sla_breached_after: 0,
  };
  const nobody: WeightsPreview = { preview: () => Promise.resolve(WHAT_IF) };

  it('should ask the policy preview about the proposed weights and answer with it', async () => {
    const seen: PriorityWeights[] = [];
    const previewer: WeightsPreview = {
      preview: (weights) => (seen.push(weights), Promise.resolve(WHAT_IF)),
    };
    const service = new PolicyLearningService(labels as LearningLabels, priority, previewer);
    const result = await service.learn();
    expect(seen).toEqual([result.proposed_weights]);
    expect(result.preview).toEqual(WHAT_IF);
    expect(result.proposed_weights.issueType.critical).toBeGreaterThan(5);
  });

  it('should agree better with the labels than the active weights', async () => {
    const service = new PolicyLearningService(labels as LearningLabels, priority, nobody);
    const result = await service.learn();
    expect(result.agreement_after).toBeGreaterThan(result.agreement_before);
  });

  it('should refuse to learn from fewer than 20 labels', async () => {
    const few = { levelLabels: () => Promise.resolve(syntheticLabels(19, KNOWN, 2)) };
    const service = new PolicyLearningService(few as LearningLabels, priority, nobody);
    await expect(service.learn()).rejects.toThrow(/19 of the 20/);
  });
});
