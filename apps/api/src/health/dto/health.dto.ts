import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

export class LivenessDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';
}

const INDICATORS: ApiPropertyOptions = {
  type: 'object',
  description: 'One entry per checked dependency',
  additionalProperties: {
    type: 'object',
    properties: { status: { type: 'string', example: 'up' } },
    required: ['status'],
    additionalProperties: true,
  },
  example: { database: { status: 'up' } },
};

/** What `@nestjs/terminus` answers when every check passed. */
export class ReadinessDto {
  @ApiProperty({ enum: ['ok'], example: 'ok' })
  status: 'ok';

  @ApiProperty(INDICATORS)
  info: Record<string, { status: string }>;

  @ApiProperty({ ...INDICATORS, example: {} })
  error: Record<string, { status: string }>;

  @ApiProperty(INDICATORS)
  details: Record<string, { status: string }>;
}
