import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';

import type { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions/sessions.service';
import { AdminUserDto, type UserPageDto } from './dto/admin-user.dto';
import type { ListUsersQuery, UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

/** What administrators do with accounts: list them, change roles, disable them. */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  async list(query: ListUsersQuery): Promise<UserPageDto> {
    const [rows, total] = await this.users.findPage(query.page, query.limit);
    return { users: rows.map(AdminUserDto.fromUser), page: query.page, limit: query.limit, total };
  }

  async update(id: number, dto: UpdateUserDto, admin: AuthUser): Promise<AdminUserDto> {
    if (dto.role === undefined && dto.disabled === undefined) {
      throw new BadRequestException('Give role, disabled, or both.');
    }
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException(`User ${id} was not found.`);
    // The last way back in must not be closed from the inside: admins cannot lock themselves out.
    if (id === admin.id && (dto.disabled === true || (dto.role && dto.role !== 'admin'))) {
      throw new ConflictException('You cannot demote or disable your own account.');
    }
    const changes = { role: dto.role ?? user.role, disabled: dto.disabled ?? user.disabled };
    await this.users.update(id, changes);
    if (changes.disabled) await this.sessions.revokeAllOf(id);
    return AdminUserDto.fromUser({ ...user, ...changes });
  }
}
