import { ApiProperty } from '@nestjs/swagger';

export class SlaTargetDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 60 })
  first_response_minutes: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 480 })
  resolution_minutes: number;

  @ApiProperty({ type: 'string', example: 'always', description: 'A calendar of `calendars`.' })
  calendar: string;
}

export class SlaTargetsDto {
  @ApiProperty({ type: () => SlaTargetDto })
  P0: SlaTargetDto;
  @ApiProperty({ type: () => SlaTargetDto })
  P1: SlaTargetDto;
  @ApiProperty({ type: () => SlaTargetDto })
  P2: SlaTargetDto;
  @ApiProperty({ type: () => SlaTargetDto })
  P3: SlaTargetDto;
}

/** The policy's `sla`: the same shape as SLA_POLICY_FILE (docs/sla.md). */
export class SlaPolicyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'Named working calendars: `{"type": "24x7"}` or `{"type": "weekly", "timezone", "week", "holidays"}`.',
    example: { always: { type: '24x7' } },
  })
  calendars: Record<string, unknown>;

  @ApiProperty({ type: () => SlaTargetsDto })
  targets: SlaTargetsDto;

  @ApiProperty({
    type: 'number',
    example: 75,
    description: 'Warn at this share of a target (0–100).',
  })
  warn_at_percent: number;
}
