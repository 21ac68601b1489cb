import type { SlaLevel } from '@app/sla';
import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';

export class SlaMetricDto {
  @ApiInteger({
    example: 60,
    description: 'The target of the level in force, in minutes of its calendar.',
  })
  target_minutes: number;

  @ApiTimestamp({
    nullable: true,
    description:
      'When the target falls due, counted from `created_at`; null while the ticket is pending ' +
      'and the target is not met (the resolution clock is paused).',
  })
  due_at: string | null;

  @ApiTimestamp({
    nullable: true,
    example: null,
    description: '`first_response_at` / the first `resolved_at`; null until then.',
  })
  met_at: string | null;

  @ApiProperty({ type: 'boolean', description: 'True once now (or `met_at`) is past `due_at`.' })
  breached: boolean;

  @ApiProperty({
    type: 'boolean',
    description:
      'Past the warning share of the target (`warn_at_percent`), not met, not breached, on an ' +
      'active ticket: what `sla=at_risk` selects, per metric.',
  })
  at_risk: boolean;

  @ApiInteger({
    nullable: true,
    example: 12,
    description:
      'Whole working minutes left, rounded toward zero; negative once breached, null once met, ' +
      'frozen while paused.',
  })
  remaining_minutes: number | null;
}

export class TicketSlaDto {
  @ApiEnum(['P0', 'P1', 'P2', 'P3'], {
    example: 'P1',
    description: 'The level whose targets apply (the level in force).',
  })
  level: SlaLevel;

  @ApiProperty({ type: 'boolean', description: 'True while the ticket is pending.' })
  paused: boolean;

  @ApiProperty({ type: () => SlaMetricDto })
  first_response: SlaMetricDto;

  @ApiProperty({ type: () => SlaMetricDto })
  resolution: SlaMetricDto;
}
