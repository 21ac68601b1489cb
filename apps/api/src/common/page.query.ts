import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { CanonicalInt } from './canonical-int';

/** `page` and `limit`, as every paginated list of the API reads them. */
export class PageQuery {
  /**
   * Page number, from 1; a page past the end is empty.
   * @example 1
   */
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 1_000_000 })
  @IsOptional()
  @CanonicalInt()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  /**
   * Items per page.
   * @example 10
   */
  @ApiPropertyOptional({ type: 'integer', default: 10, minimum: 1, maximum: 100 })
  @IsOptional()
  @CanonicalInt()
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 10;
}
