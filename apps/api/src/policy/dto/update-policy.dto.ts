import type { PriorityWeights } from '@app/priority';
import type { SlaPolicy } from '@app/sla';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString } from 'class-validator';

import { PolicyWeightsDto } from '../../learning/dto/policy-weights.dto';
import { SlaPolicyDto } from './sla-policy.dto';

export const REASON_MIN = 10;
export const REASON_MAX = 500;

/*
 * `weights` and `sla` are checked by the same validators as the files at start-up, and the
 * reason's length with them, so one 400 lists every problem of the request.
 */

export class ActivatePolicyDto {
  @ApiProperty({
    type: 'string',
    minLength: REASON_MIN,
    maxLength: REASON_MAX,
    example: 'Back to version 2: the new age buckets buried minor tickets.',
  })
  @IsString()
  reason: string;
}

export class UpdatePolicyDto extends ActivatePolicyDto {
  @ApiProperty({ type: () => PolicyWeightsDto })
  @IsObject()
  weights: PriorityWeights;

  @ApiProperty({ type: () => SlaPolicyDto })
  @IsObject()
  sla: SlaPolicy;
}

/** A candidate policy; what is left out is the active version's. */
export class PreviewPolicyDto {
  @ApiPropertyOptional({ type: () => PolicyWeightsDto })
  @IsOptional()
  @IsObject()
  weights?: PriorityWeights;

  @ApiPropertyOptional({ type: () => SlaPolicyDto })
  @IsOptional()
  @IsObject()
  sla?: SlaPolicy;
}
