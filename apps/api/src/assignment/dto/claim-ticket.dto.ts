import {
  CUSTOMER_TYPES,
  PRIORITY_LEVELS,
  type CustomerType,
  type PriorityLevel,
} from '@app/priority';
import { IsIn, IsOptional } from 'class-validator';

/** Narrows the pool claim-next picks from; both optional. */
export class ClaimTicketDto {
  /** Only tickets at this level (the level in force). @example "P0" */
  @IsOptional()
  @IsIn(PRIORITY_LEVELS)
  priority_level?: PriorityLevel;

  /** Only tickets of this customer plan. @example "enterprise" */
  @IsOptional()
  @IsIn(CUSTOMER_TYPES)
  customer_type?: CustomerType;
}
