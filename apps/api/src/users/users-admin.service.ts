import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';

import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions/sessions.service';
import { ValidationFailedException } from '../common/validation';
import { Transactions } from '../database/transactions';
import type { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { AdminUserDto, type UserPageDto } from './dto/admin-user.dto';
import type { ListUsersQuery, UpdateUserDto } from './dto/update-user.dto';
import { userChangeEntries } from './user-audit';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** What administrators do with accounts: list them, change roles, disable them; all audited. */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
  ) {}

  async list(query: ListUsersQuery): Promise<UserPageDto> {
    const [rows, total] = await this.users.findPage(query.page, query.limit);
    return { users: rows.map(AdminUserDto.fromUser), page: query.page, limit: query.limit, total };
  }

  async update(id: number, dto: UpdateUserDto, admin: AuthUser): Promise<AdminUserDto> {
    if (dto.role === undefined && dto.disabled === undefined && dto.organization_id === undefined) {
      throw new BadRequestException('Give role, disabled, organization_id, or several.');
    }
    const user = await this.users.findWithOrganization(id);
    if (!user) throw new NotFoundException(`User ${id} was not found.`);
    // The last way back in must not be closed from the inside: admins cannot lock themselves out.
    if (id === admin.id && (dto.disabled === true || (dto.role && dto.role !== 'admin'))) {
      throw new ConflictException('You cannot demote or disable your own account.');
    }
    const after = await this.changed(user, dto);
    await this.transactions.run(async (manager) => {
      const { role, disabled } = after;
      await manager.update(User, { id }, { role, disabled, organizationId: after.organizationId });
      for (const entry of userChangeEntries(user, after, admin)) {
        await this.audit.record(manager, entry);
      }
    });
    if (after.disabled) await this.sessions.revokeAllOf(id);
    return AdminUserDto.fromUser(after);
  }

  /** The user as `dto` leaves them; only reporters keep (or get) an organisation. */
  private async changed(user: User, dto: UpdateUserDto): Promise<User> {
    const role = dto.role ?? user.role;
    let organization: Organization | null = user.organization ?? null;
    if (dto.organization_id === null) organization = null;
    else if (dto.organization_id !== undefined) {
      if (role !== 'reporter') {
        throw new ConflictException('Only reporters belong to an organization.');
      }
      organization = await this.organizations.findById(dto.organization_id);
      if (!organization) {
        throw new ValidationFailedException([
          { field: 'organization_id', messages: ['organization_id names no organization'] },
        ]);
      }
    } else if (role !== 'reporter') organization = null;
    return {
      ...user,
      role,
      disabled: dto.disabled ?? user.disabled,
      organizationId: organization?.id ?? null,
      organization,
    };
  }
}
