import { ApiProperty } from '@nestjs/swagger';

import { ApiInteger, ApiTimestamp } from '../../common/api-fields';
import { PolicyWeightsDto } from '../../learning/dto/policy-weights.dto';
import { UserRefDto } from '../../tickets/dto/ticket.dto';
import { parsePolicy } from '../policy-store';
import type { PolicyVersion } from '../policy-version.entity';
import { SlaPolicyDto } from './sla-policy.dto';

/** One version of the priority policy: the weights and the SLA policy, and who wrote it why. */
export class PolicyVersionDto {
  @ApiInteger({ example: 3, minimum: 1 })
  version: number;

  @ApiProperty({ type: () => PolicyWeightsDto })
  weights: PolicyWeightsDto;

  @ApiProperty({ type: () => SlaPolicyDto })
  sla: SlaPolicyDto;

  @ApiTimestamp()
  created_at: string;

  @ApiProperty({
    type: () => UserRefDto,
    nullable: true,
    description: 'The admin who saved it; null for version 1, written at the first start.',
  })
  created_by: UserRefDto | null;

  @ApiProperty({ type: 'string', example: 'Enterprise outages must reach P0 (incident 2291).' })
  reason: string;

  @ApiInteger({
    nullable: true,
    example: null,
    description: 'The earlier version this one brought back, or null.',
  })
  based_on: number | null;

  static from(row: PolicyVersion): PolicyVersionDto {
    const { weights, sla } = parsePolicy(row);
    return {
      version: row.version,
      weights,
      sla: sla,
      created_at: row.createdAt.toISOString(),
      created_by: UserRefDto.from(row.creator),
      reason: row.reason,
      based_on: row.basedOn,
    };
  }
}

/** The re-score of the active tickets that an activation started, while it runs. */
export class RescoreProgressDto {
  @ApiInteger({ example: 4, description: 'The version the tickets are re-scored with.' })
  version: number;

  @ApiInteger({ example: 41200 })
  done: number;

  @ApiInteger({ example: 100000, description: 'Active tickets when it was activated.' })
  total: number;

  @ApiTimestamp()
  started_at: string;
}

export class ActivePolicyDto extends PolicyVersionDto {
  @ApiProperty({
    type: () => RescoreProgressDto,
    nullable: true,
    description: 'The re-score in progress; null once every active ticket has this version.',
  })
  rescore: RescoreProgressDto | null;
}

export class PolicyVersionPageDto {
  @ApiProperty({ type: () => [PolicyVersionDto], description: 'Newest first.' })
  versions: PolicyVersionDto[];

  @ApiInteger({ example: 1, minimum: 1 })
  page: number;

  @ApiInteger({ example: 10, minimum: 1, maximum: 100 })
  limit: number;

  @ApiInteger({ example: 3 })
  total: number;
}
