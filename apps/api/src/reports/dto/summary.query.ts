import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '$property must be a local date YYYY-MM-DD';

export class ReportRangeQuery {
  /**
   * First local date of the range (included).
   * @example "2026-11-01"
   */
  @Matches(LOCAL_DATE, { message: DATE_MESSAGE })
  from: string;

  /**
   * Last local date of the range (included); at most 366 days after `from`.
   * @example "2026-11-30"
   */
  @Matches(LOCAL_DATE, { message: DATE_MESSAGE })
  to: string;

  /**
   * IANA time zone the dates and buckets are read in.
   * @example "Europe/Berlin"
   */
  @ApiPropertyOptional({ default: 'UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz: string = 'UTC';
}

export class SummaryQuery extends ReportRangeQuery {
  /** Days, or weeks starting on Monday (the first and last cut to the range). */
  @ApiPropertyOptional({ enum: ['day', 'week'], default: 'day' })
  @IsOptional()
  @IsIn(['day', 'week'])
  bucket: 'day' | 'week' = 'day';
}
