import { Body, Controller, Get, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { IdParam } from '../common/canonical-int';
import { AdminUserDto, UserPageDto } from './dto/admin-user.dto';
import { ListUsersQuery, UpdateUserDto } from './dto/update-user.dto';
import { UsersAdminService } from './users-admin.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly admin: UsersAdminService) {}

  @Get()
  @ApiOperation({ summary: 'List users (admin only)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    return this.admin.list(query);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role or disable them (admin only); effective at once" })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiProblems(404, 409)
  update(
    @IdParam() id: number,
    @Body() dto: UpdateUserDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<AdminUserDto> {
    return this.admin.update(id, dto, admin);
  }
}
