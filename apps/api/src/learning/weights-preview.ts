import type { PriorityWeights } from '@app/priority';

/**
 * The policy what-if, as POST /admin/policy/learn needs it: what the proposed weights would do
 * to the live queue. Provided by the administration feature (its PolicyPreviewService); when
 * nobody provides it, the learn answer has no `preview`.
 */
export const WEIGHTS_PREVIEW = Symbol('WEIGHTS_PREVIEW');

export interface WeightsPreview {
  preview(weights: PriorityWeights): Promise<object>;
}
