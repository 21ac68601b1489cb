import { ApiProperty } from '@nestjs/swagger';

const int = { type: 'integer' } as const;
const nullableNumber = { type: 'number', nullable: true } as const;

export class LevelCountsDto {
  @ApiProperty(int) P0: number;
  @ApiProperty(int) P1: number;
  @ApiProperty(int) P2: number;
  @ApiProperty(int) P3: number;
}

export class SlaCountsDto {
  @ApiProperty(int) first_response: number;
  @ApiProperty(int) resolution: number;
}

export class SummaryBucketDto {
  /** Local date the bucket starts on. */
  @ApiProperty({ example: '2026-11-02' }) start: string;
  /** Tickets created in the bucket, by level at creation. */
  @ApiProperty({ type: () => LevelCountsDto })
  created: LevelCountsDto;
  /** Tickets whose resolution falls in the bucket, by level at creation. */
  @ApiProperty({ type: () => LevelCountsDto })
  resolved: LevelCountsDto;
  /** Active tickets at the bucket's end, by level at creation. */
  @ApiProperty({ type: () => LevelCountsDto })
  backlog: LevelCountsDto;
  /** Level rises by aging. */
  @ApiProperty(int) escalations: number;
  /** Priority overrides set. */
  @ApiProperty(int) overrides: number;
  /** Targets missed whose due instant falls in the bucket. */
  @ApiProperty({ type: () => SlaCountsDto })
  sla_breaches: SlaCountsDto;
}

export class SpreadDto {
  /** Minutes; null when no ticket has the figure. */
  @ApiProperty(nullableNumber) median: number | null;
  @ApiProperty(nullableNumber) p90: number | null;
}

export class LevelSpreadDto {
  @ApiProperty({ type: () => SpreadDto })
  P0: SpreadDto;
  @ApiProperty({ type: () => SpreadDto })
  P1: SpreadDto;
  @ApiProperty({ type: () => SpreadDto })
  P2: SpreadDto;
  @ApiProperty({ type: () => SpreadDto })
  P3: SpreadDto;
}

export class LevelPercentDto {
  @ApiProperty(nullableNumber) P0: number | null;
  @ApiProperty(nullableNumber) P1: number | null;
  @ApiProperty(nullableNumber) P2: number | null;
  @ApiProperty(nullableNumber) P3: number | null;
}

export class SlaMetPercentDto {
  @ApiProperty({ type: () => LevelPercentDto })
  first_response: LevelPercentDto;
  @ApiProperty({ type: () => LevelPercentDto })
  resolution: LevelPercentDto;
}

export class SummaryTotalsDto {
  @ApiProperty({ type: () => LevelCountsDto })
  created: LevelCountsDto;
  @ApiProperty({ type: () => LevelCountsDto })
  resolved: LevelCountsDto;
  /** Wall-clock minutes from creation to the first public answer, tickets created in the range. */
  @ApiProperty({ type: () => LevelSpreadDto })
  first_response_minutes: LevelSpreadDto;
  /** Wall-clock minutes from creation to resolution, tickets created in the range. */
  @ApiProperty({ type: () => LevelSpreadDto })
  resolution_minutes: LevelSpreadDto;
  /** Of the targets decided (met or breached), the share met, in percent. */
  @ApiProperty({ type: () => SlaMetPercentDto })
  sla_met_percent: SlaMetPercentDto;
}

export class SummaryDto {
  @ApiProperty({ type: () => [SummaryBucketDto] })
  buckets: SummaryBucketDto[];
  @ApiProperty({ type: () => SummaryTotalsDto })
  totals: SummaryTotalsDto;
}

export class AgentRefDto {
  @ApiProperty(int) id: number;
  @ApiProperty({ type: 'string' }) username: string;
  @ApiProperty({ enum: ['reporter', 'agent', 'admin'] }) role: string;
}

export class AgentReportDto {
  @ApiProperty({ type: () => AgentRefDto })
  agent: AgentRefDto;
  @ApiProperty(int) assigned: number;
  @ApiProperty(int) resolved: number;
  @ApiProperty(nullableNumber) median_resolution_minutes: number | null;
  @ApiProperty(int) first_responses: number;
  @ApiProperty(nullableNumber) resolution_sla_met_percent: number | null;
  @ApiProperty(int) open_now: number;
}

export class AgentsReportDto {
  @ApiProperty({ type: () => [AgentReportDto] })
  agents: AgentReportDto[];
}
