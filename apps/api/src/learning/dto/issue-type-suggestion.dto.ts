import type { IssueType } from '@app/priority';
import { ApiProperty } from '@nestjs/swagger';

export class TypeConfidenceDto {
  @ApiProperty({ type: 'string', enum: ['critical', 'major', 'minor'], example: 'major' })
  value: IssueType;
  /**
   * Calibrated probability, 0–1.
   * @example 0.11
   */
  confidence: number;
}

export class SuggestedIssueTypeDto {
  /**
   * The most probable type.
   */
  @ApiProperty({ type: 'string', enum: ['critical', 'major', 'minor'], example: 'critical' })
  value: IssueType;
  /**
   * Its calibrated probability, 0–1.
   * @example 0.86
   */
  confidence: number;
  /** The other types, most probable first. */
  @ApiProperty({ type: () => [TypeConfidenceDto] })
  alternatives: TypeConfidenceDto[];
}

export class TermEvidenceDto {
  /**
   * A word or a pair of neighbouring words of the text.
   * @example "outage"
   */
  term: string;
  /**
   * How much the term pushed toward the suggested type against the runner-up, in calibrated
   * log-odds (> 0; larger weighs more).
   * @example 1.42
   */
  weight: number;
}

export class ModelInfoDto {
  /** @example 3 */
  version: number;
  /** @example "2026-12-01T22:00:00.000Z" */
  trained_at: string;
  /**
   * Labelled tickets the version learned from and was measured on (both parts).
   * @example 1250
   */
  examples: number;
  /**
   * Share of the held-out 20 % it classified right, 0–1.
   * @example 0.91
   */
  holdout_accuracy: number;
}

export class IssueTypeSuggestionDto {
  @ApiProperty({ type: () => SuggestedIssueTypeDto })
  issue_type: SuggestedIssueTypeDto;
  /** The terms that weighed most for the suggested type, heaviest first (at most 5). */
  @ApiProperty({ type: () => [TermEvidenceDto] })
  evidence: TermEvidenceDto[];
  @ApiProperty({ type: () => ModelInfoDto })
  model: ModelInfoDto;
}
