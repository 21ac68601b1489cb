import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export class UpdateAgentDto {
  /** Agents may set their own; admins anyone's. */
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  /** Admins only: most active tickets auto-assigned at once (0 to 1,000). @example 12 */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000)
  capacity?: number;
}
