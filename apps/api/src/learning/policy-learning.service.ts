import { learnWeights } from '@app/learning';
import { PriorityService } from '@app/priority';
import { ConflictException, Inject, Injectable } from '@nestjs/common';

import type { LearnedWeightsDto } from './dto/learned-weights.dto';
import { LearningLabels } from './learning-labels';
import { WEIGHTS_PREVIEW, type WeightsPreview } from './weights-preview';

/** Fewer labels than this cannot say anything about 13 weights. */
export const MIN_WEIGHT_LABELS = 20;
export const WEIGHTS_SEED = 14;

/**
 * Fits the weights to the levels agents chose and answers the proposal. Reads only: no policy
 * version is written and nothing is activated; the admin takes the proposal through the policy.
 */
@Injectable()
export class PolicyLearningService {
  constructor(
    private readonly labels: LearningLabels,
    private readonly priority: PriorityService,
    @Inject(WEIGHTS_PREVIEW) private readonly previewer: WeightsPreview,
  ) {}

  async learn(): Promise<LearnedWeightsDto> {
    const labels = await this.labels.levelLabels();
    if (labels.length < MIN_WEIGHT_LABELS) {
      throw new ConflictException(
        `Not enough labels yet: ${labels.length} of the ${MIN_WEIGHT_LABELS} needed (overrides, re-triaged or resolved tickets).`,
      );
    }
    const result = learnWeights(labels, this.priority.weights, { seed: WEIGHTS_SEED });
    const preview = await this.previewer.preview(result.proposed);
    return {
      proposed_weights: result.proposed,
      labels_used: result.labelsUsed,
      holdout_labels: result.holdoutLabels,
      agreement_before: result.agreementBefore ?? 0,
      agreement_after: result.agreementAfter ?? 0,
      changed: result.changed,
      preview,
    };
  }
}
