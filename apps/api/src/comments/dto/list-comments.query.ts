import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListCommentsQuery {
  /**
   * Comments per page.
   * @example 50
   */
  @ApiPropertyOptional({ type: 'integer', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  /** `next_cursor` of the previous page. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;
}
