import { CUSTOMER_TYPES, ISSUE_TYPES, type CustomerType, type IssueType } from '@app/priority';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_IMPACT = 1_000_000_000;

export class CreateTicketDto {
  /**
   * How severe the problem is.
   * @example "critical"
   */
  @IsIn(ISSUE_TYPES)
  issue_type: IssueType;

  /**
   * Number of affected users.
   * @example 150
   */
  @IsInt()
  @Min(1)
  @Max(MAX_IMPACT)
  impact: number;

  /**
   * The customer's plan.
   * @example "enterprise"
   */
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
