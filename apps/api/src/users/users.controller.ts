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
import { AdminUserDto, UserPageDto } from './dto/admin-user.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { InvitationDto } from './dto/invitation.dto';
import { ListUsersQuery, UpdateUserDto } from './dto/update-user.dto';
import { InvitationsService } from './invitations.service';
import { UsersAdminService } from './users-admin.service';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly admin: UsersAdminService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List users, filtered by name, role or organisation (admin only)' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQuery): Promise<UserPageDto> {
    return this.admin.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Invite a user: create the account with a one-time setup token (admin; audited)',
    description:
      'The account has no password until the user exchanges the token (valid 72 hours, shown ' +
      'only in this answer) at `POST /auth/setup`.',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiProblems(409)
  invite(@Body() dto: CreateUserDto, @CurrentUser() admin: AuthUser): Promise<InvitationDto> {
    return this.invitations.invite(dto, admin);
  }

  @Post(':id/invitation')
  @ApiOperation({
    summary: 'Issue a new setup token for an account; earlier unused ones stop working (admin)',
  })
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiProblems(404, 409)
  reinvite(@IdParam() id: number, @CurrentUser() admin: AuthUser): Promise<InvitationDto> {
    return this.invitations.reinvite(id, admin);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a user's role or organisation, or disable them (admin; audited); at once",
  })
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
