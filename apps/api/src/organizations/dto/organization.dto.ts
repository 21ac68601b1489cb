import { CUSTOMER_TYPES, type CustomerType } from '@app/priority';
import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';
import type { Organization } from '../organization.entity';

/** An organisation as tickets and users name it. */
export class OrganizationRefDto {
  @ApiInteger({ example: 3 })
  id: number;

  @ApiProperty({ example: 'Acme Corp' })
  name: string;

  static from(organization: { id: number; name: string } | null | undefined) {
    return organization ? { id: organization.id, name: organization.name } : null;
  }
}

export class OrganizationDto extends OrganizationRefDto {
  @ApiEnum(CUSTOMER_TYPES, {
    example: 'enterprise',
    description: 'The tier of every ticket its reporters file.',
  })
  customer_type: CustomerType;

  @ApiTimestamp()
  created_at: string;

  @ApiTimestamp()
  updated_at: string;

  static fromEntity(organization: Organization): OrganizationDto {
    return {
      id: organization.id,
      name: organization.name,
      customer_type: organization.customerType,
      created_at: organization.createdAt.toISOString(),
      updated_at: organization.updatedAt.toISOString(),
    };
  }
}

export class OrganizationPageDto {
  @ApiProperty({ type: () => [OrganizationDto], description: 'By name.' })
  organizations: OrganizationDto[];

  @ApiInteger({ example: 1, minimum: 1 })
  page: number;

  @ApiInteger({ example: 10, minimum: 1, maximum: 100 })
  limit: number;

  @ApiInteger({ example: 1 })
  total: number;
}
