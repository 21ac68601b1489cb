import { ApiProperty } from '@nestjs/swagger';

export class IssueTypeWeightsDto {
  /** @example 5 */
  critical: number;
  /** @example 3 */
  major: number;
  /** @example 1 */
  minor: number;
}

export class CustomerTypeWeightsDto {
  /** @example 5 */
  enterprise: number;
  /** @example 3 */
  paid: number;
  /** @example 1 */
  free: number;
}

export class ImpactBucketDto {
  /** Upper bound of affected users; absent on the last bucket. */
  maxUsers?: number;
  points: number;
}

export class AgeBucketDto {
  /** Tickets younger than this many hours; absent on the last bucket. */
  underHours?: number;
  points: number;
}

export class LevelThresholdsDto {
  /** @example 16 */
  P0: number;
  /** @example 11 */
  P1: number;
  /** @example 6 */
  P2: number;
}

/** The policy's `weights` (the same shape as PRIORITY_WEIGHTS_FILE). */
export class PolicyWeightsDto {
  @ApiProperty({ type: () => IssueTypeWeightsDto })
  issueType: IssueTypeWeightsDto;
  @ApiProperty({ type: () => CustomerTypeWeightsDto })
  customerType: CustomerTypeWeightsDto;
  @ApiProperty({ type: () => [ImpactBucketDto] })
  impact: ImpactBucketDto[];
  @ApiProperty({ type: () => [AgeBucketDto] })
  age: AgeBucketDto[];
  @ApiProperty({ type: () => LevelThresholdsDto })
  levels: LevelThresholdsDto;
}
