import { CUSTOMER_TYPES, ISSUE_TYPES, type CustomerType, type IssueType } from '@app/priority';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_IMPACT = 1_000_000_000;

export class CreateTicketDto {
  /**
   * How severe the problem is.
   * @example "critical"
   */
  @ApiProperty({ enum: ISSUE_TYPES })
  @IsIn(ISSUE_TYPES)
  issue_type: IssueType;

  /**
   * Number of affected users.
   * @example 150
   */
  @ApiProperty({ type: 'integer' })
  @IsInt()
  @Min(1)
  @Max(MAX_IMPACT)
  impact: number;

  /**
   * The customer's plan.
   * @example "enterprise"
   */
  @ApiProperty({ enum: CUSTOMER_TYPES })
  @IsIn(CUSTOMER_TYPES)
  customer_type: CustomerType;

  /** @example "Checkout fails for all EU users" */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  /** @example "Since 09:00 UTC every payment returns 502." */
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;
}
