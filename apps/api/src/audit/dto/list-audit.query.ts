import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

import { CanonicalInt } from '../../common/canonical-int';

export class ListAuditQuery {
  /** `next_cursor` of the previous page. */
  @ApiPropertyOptional({ type: 'string', example: '40' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,9}$/, { message: 'cursor must be a next_cursor from this list' })
  cursor?: string;

  /**
   * Entries per page.
   * @example 50
   */
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @CanonicalInt()
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}
