import { CUSTOMER_TYPES, ISSUE_TYPES, type CustomerType, type IssueType } from '@app/priority';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export const MAX_IMPACT = 1_000_000_000;

/** The facts of a ticket, every one given (imports). */
export class TicketFactsDto {
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

/**
 * `POST /tickets`: the facts, with `customer_type` taken from the organisation of a reporter
 * who belongs to one (docs/administration.md).
 */
export class CreateTicketDto extends OmitType(TicketFactsDto, ['customer_type'] as const) {
  /**
   * The customer's plan. Required, except from a reporter of an organisation: their tickets
   * take its tier, and a different one is refused.
   * @example "enterprise"
   */
  @ApiPropertyOptional({ enum: CUSTOMER_TYPES })
  // Absent is allowed; null is not a tier (IsOptional would let it through to the insert).
  @ValidateIf((dto: CreateTicketDto) => dto.customer_type !== undefined)
  @IsIn(CUSTOMER_TYPES)
  customer_type?: CustomerType;
}
