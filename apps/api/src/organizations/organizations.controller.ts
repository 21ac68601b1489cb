import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { IdParam } from '../common/canonical-int';
import {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  UpdateOrganizationDto,
} from './dto/create-organization.dto';
import { OrganizationDto, OrganizationPageDto } from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOperation({ summary: 'List organisations by name (admin)' })
  @ApiOkResponse({ type: OrganizationPageDto })
  list(@Query() query: ListOrganizationsQuery): Promise<OrganizationPageDto> {
    return this.organizations.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create an organisation with its tier (admin; audited)' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblems(409)
  create(
    @Body() dto: CreateOrganizationDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<OrganizationDto> {
    return this.organizations.create(dto, admin);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename an organisation or change its tier (admin; audited)',
    description: 'A new tier applies to tickets filed from then on; existing tickets keep theirs.',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblems(404, 409)
  update(
    @IdParam() id: number,
    @Body() dto: UpdateOrganizationDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<OrganizationDto> {
    return this.organizations.update(id, dto, admin);
  }
}
