import { CUSTOMER_TYPES, type CustomerType } from '@app/priority';
import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum } from '../../common/api-fields';
import { OrganizationRefDto } from '../../organizations/dto/organization.dto';
import type { Organization } from '../../organizations/organization.entity';
import { UserDto } from '../../users/dto/user.dto';
import type { User } from '../../users/user.entity';

/** The caller's organisation, with the tier its reporters' tickets take. */
export class MyOrganizationDto extends OrganizationRefDto {
  @ApiEnum(CUSTOMER_TYPES, { example: 'enterprise' })
  customer_type: CustomerType;

  static fromEntity(organization: Organization): MyOrganizationDto {
    return {
      id: organization.id,
      name: organization.name,
      customer_type: organization.customerType,
    };
  }
}

/** The signed-in user (GET /auth/me): a reporter of an organisation files at its tier. */
export class MeDto extends UserDto {
  @ApiProperty({ type: () => MyOrganizationDto, nullable: true })
  organization: MyOrganizationDto | null;

  static fromUser(user: User): MeDto {
    return {
      ...UserDto.from(user),
      organization: user.organization ? MyOrganizationDto.fromEntity(user.organization) : null,
    };
  }
}
