import type { PriorityWeights } from '@app/priority';

import type { PolicyPreviewDto } from '../policy/dto/policy-preview.dto';

/**
 * The policy what-if, as POST /admin/policy/learn needs it: what the proposed weights would do
 * to the live queue. Provided by the policy feature (its PolicyPreviewService).
 */
export const WEIGHTS_PREVIEW = Symbol('WEIGHTS_PREVIEW');

export interface WeightsPreview {
  preview(weights: PriorityWeights): Promise<PolicyPreviewDto>;
}
