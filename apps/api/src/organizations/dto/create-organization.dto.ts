import { CUSTOMER_TYPES, type CustomerType } from '@app/priority';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches } from 'class-validator';

import { PageQuery } from '../../common/page.query';

export class CreateOrganizationDto {
  /**
   * Shown to staff on every ticket; unique without regard to case. Surrounding spaces are
   * removed.
   * @example "Acme Corp"
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 100)
  @Matches(/^[^\p{Cc}]+$/u, { message: 'name must not contain control characters' })
  name: string;

  /** @example "enterprise" */
  @ApiProperty({ enum: CUSTOMER_TYPES })
  @IsIn(CUSTOMER_TYPES)
  customer_type: CustomerType;
}

export class UpdateOrganizationDto extends PartialType(CreateOrganizationDto) {}

export class ListOrganizationsQuery extends PageQuery {}
