import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions/sessions.service';
import { Transactions } from '../database/transactions';
import { AdminUserDto, type UserPageDto } from './dto/admin-user.dto';
import type { ListUsersQuery, UpdateUserDto } from './dto/update-user.dto';
import { User } from './user.entity';
import { UsersService } from './users.service';

type UserChanges = Pick<User, 'role' | 'disabled'>;

/** What administrators do with accounts: list them, change roles, disable them; all audited. */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
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
    await this.transactions.run(async (manager) => {
      await manager.update(User, { id }, changes);
      await this.recordChanges(manager, user, changes, admin);
    });
    if (changes.disabled) await this.sessions.revokeAllOf(id);
    return AdminUserDto.fromUser({ ...user, ...changes });
  }

  /** One entry per aspect that really changed: a role change, a disable or an enable. */
  private async recordChanges(
    manager: EntityManager,
    user: User,
    changes: UserChanges,
    admin: AuthUser,
  ): Promise<void> {
    const actor = { id: admin.id, username: admin.username };
    const target = `user:${user.id}`;
    if (changes.role !== user.role) {
      await this.audit.record(manager, {
        actor,
        action: 'user.role_changed',
        target,
        before: { username: user.username, role: user.role },
        after: { username: user.username, role: changes.role },
      });
    }
    if (changes.disabled !== user.disabled) {
      await this.audit.record(manager, {
        actor,
        action: changes.disabled ? 'user.disabled' : 'user.enabled',
        target,
        before: { username: user.username, disabled: user.disabled },
        after: { username: user.username, disabled: changes.disabled },
      });
    }
  }
}
