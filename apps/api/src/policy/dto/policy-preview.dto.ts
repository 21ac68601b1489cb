import { PRIORITY_LEVELS, type PolicyPreview, type PriorityLevel } from '@app/priority';
import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum, ApiInteger } from '../../common/api-fields';

export class PolicyMoverDto {
  @ApiInteger({ example: 812 })
  id: number;

  @ApiProperty({ type: 'string', nullable: true, example: 'Export times out' })
  title: string | null;

  @ApiEnum(PRIORITY_LEVELS, { example: 'P2' })
  from_level: PriorityLevel;

  @ApiEnum(PRIORITY_LEVELS, { example: 'P1' })
  to_level: PriorityLevel;

  @ApiProperty({ type: 'number', example: 9 })
  from_score: number;

  @ApiProperty({ type: 'number', example: 13 })
  to_score: number;

  @ApiInteger({ example: 240, minimum: 1, description: 'Queue position now (from 1).' })
  from_rank: number;

  @ApiInteger({ example: 12, minimum: 1, description: 'Queue position under the candidate.' })
  to_rank: number;
}

/** What a candidate policy would do to the active tickets; nothing is written. */
export class PolicyPreviewDto {
  @ApiInteger({ example: 1520, description: 'Active tickets (open, in progress, pending).' })
  tickets_considered: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { 'P2->P1': 31, 'P1->P2': 4 },
    description:
      'Tickets per change of the level in force, as "from->to"; pairs with none left out.',
  })
  level_changes: Record<string, number>;

  @ApiInteger({ example: 1485, description: 'Tickets whose level in force stays.' })
  unchanged: number;

  @ApiProperty({
    type: () => [PolicyMoverDto],
    description: 'The 20 largest moves in queue position, either way.',
  })
  top_movers: PolicyMoverDto[];

  @ApiProperty({ type: 'integer', isArray: true, description: 'The first 10 of the queue now.' })
  first_page_before: number[];

  @ApiProperty({ type: 'integer', isArray: true, description: 'The first 10 under the candidate.' })
  first_page_after: number[];

  @ApiInteger({ example: 12, description: 'Active tickets with a breached target now.' })
  sla_breached_before: number;

  @ApiInteger({ example: 19, description: 'Active tickets with a breached target under it.' })
  sla_breached_after: number;

  static from(preview: PolicyPreview): PolicyPreviewDto {
    return {
      tickets_considered: preview.ticketsConsidered,
      level_changes: preview.levelChanges,
      unchanged: preview.unchanged,
      top_movers: preview.topMovers.map((m) => ({
        id: m.id,
        title: m.title,
        from_level: m.fromLevel,
        to_level: m.toLevel,
        from_score: m.fromScore,
        to_score: m.toScore,
        from_rank: m.fromRank,
        to_rank: m.toRank,
      })),
      first_page_before: preview.firstPageBefore,
      first_page_after: preview.firstPageAfter,
      sla_breached_before: preview.slaBreachedBefore,
      sla_breached_after: preview.slaBreachedAfter,
    };
  }
}
