import { ApiProperty } from '@nestjs/swagger';

import { PolicyPreviewDto } from '../../policy/dto/policy-preview.dto';

import { PolicyWeightsDto } from './policy-weights.dto';

export class WeightChangeDto {
  /**
   * Path of the weight in the policy's `weights`.
   * @example "issueType.critical"
   */
  weight: string;
  /** @example 5 */
  from: number;
  /** @example 7 */
  to: number;
}

export class LearnedWeightsDto {
  /**
   * Integer points that agree best with the agents' levels, in the shape of the policy's
   * `weights` (`issueType`, `customerType`, `impact`, `age`, `levels`); thresholds and bucket
   * bounds are the active ones. Nothing is activated.
   */
  @ApiProperty({ type: () => PolicyWeightsDto })
  proposed_weights: PolicyWeightsDto;
  /**
   * Every label read: the 80 % fitted on and the 20 % held out.
   * @example 1840
   */
  labels_used: number;
  /**
   * Labels in the held-out part, on which both agreements are measured.
   * @example 368
   */
  holdout_labels: number;
  /**
   * Share of held-out labels the active weights agree with, 0–1.
   * @example 0.62
   */
  agreement_before: number;
  /**
   * Share of held-out labels the proposed weights agree with, 0–1.
   * @example 0.97
   */
  agreement_after: number;
  /** The weights whose points differ from the active ones. */
  @ApiProperty({ type: () => [WeightChangeDto] })
  changed: WeightChangeDto[];
  /**
   * The policy what-if of the proposed weights on the live queue: the answer of
   * `POST /admin/policy/preview` for them.
   */
  @ApiProperty({ type: () => PolicyPreviewDto })
  preview: PolicyPreviewDto;
}
