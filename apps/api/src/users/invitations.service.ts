import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import { ValidationFailedException } from '../common/validation';
import { Transactions } from '../database/transactions';
import { OrganizationRefDto } from '../organizations/dto/organization.dto';
import type { Organization } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { AdminUserDto } from './dto/admin-user.dto';
import type { CreateUserDto } from './dto/create-user.dto';
import type { InvitationDto } from './dto/invitation.dto';
import { SetupToken } from './setup-token.entity';
import { NO_PASSWORD_HASH, User } from './user.entity';

/** How long an invitation can be taken up. */
export const SETUP_TOKEN_TTL_MS = 72 * 3_600_000;

const INVALID_TOKEN = 'The setup token is invalid, used or expired.';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Accounts created by admins: the user gets no password, only a one-time setup token (256
 * random bits, stored as its SHA-256), which they exchange for one at `POST /auth/setup`.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {}

  async invite(dto: CreateUserDto, admin: AuthUser): Promise<InvitationDto> {
    const organization = await this.organizationFor(dto);
    const now = this.clock.now();
    const user = Object.assign(new User(), {
      username: dto.username,
      passwordHash: NO_PASSWORD_HASH,
      role: dto.role,
      createdAt: now,
      disabled: false,
      organizationId: organization?.id ?? null,
      organization,
    });
    try {
      return await this.transactions.run(async (manager) => {
        await manager.insert(User, user);
        const issued = await this.issue(manager, user.id, now);
        await this.audit.record(manager, {
          actor: admin,
          action: 'user.created',
          target: `user:${user.id}`,
          after: {
            username: user.username,
            role: user.role,
            organization: OrganizationRefDto.from(organization),
          },
        });
        return { user: AdminUserDto.fromUser(user), ...issued };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('That username is taken.');
      throw error;
    }
  }

  /** A new token for an existing account (an imported user, a lost invitation); older ones die. */
  async reinvite(id: number, admin: AuthUser): Promise<InvitationDto> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id },
        relations: { organization: true },
      });
      if (!user) throw new NotFoundException(`User ${id} was not found.`);
      if (user.disabled) throw new ConflictException('Enable the account before inviting it.');
      await manager.delete(SetupToken, { userId: id, usedAt: IsNull() });
      const issued = await this.issue(manager, id, now);
      await this.audit.record(manager, {
        actor: admin,
        action: 'user.invited',
        target: `user:${id}`,
        after: { username: user.username, expires_at: issued.setup_expires_at },
      });
      return { user: AdminUserDto.fromUser(user), ...issued };
    });
  }

  /**
   * Uses the token once and sets the password, in one transaction: the conditional UPDATE on
   * `used_at` lets only one of two concurrent redemptions through. 401 for an unknown, used or
   * expired token, and for a disabled account.
   */
  async redeem(token: string, passwordHash: string): Promise<User> {
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const row = await manager.findOneBy(SetupToken, { tokenHash: hashOf(token) });
      if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
        throw new UnauthorizedException(INVALID_TOKEN);
      }
      const user = await manager.findOneBy(User, { id: row.userId });
      if (!user || user.disabled) throw new UnauthorizedException(INVALID_TOKEN);
      const claim = await manager.update(
        SetupToken,
        { id: row.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (claim.affected !== 1) throw new UnauthorizedException(INVALID_TOKEN);
      await manager.update(User, { id: user.id }, { passwordHash });
      await this.audit.record(manager, {
        actor: { id: user.id, username: user.username },
        action: 'user.setup_completed',
        target: `user:${user.id}`,
      });
      return user;
    });
  }

  private async issue(manager: EntityManager, userId: number, now: Date) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SETUP_TOKEN_TTL_MS);
    await manager.insert(SetupToken, {
      userId,
      tokenHash: hashOf(token),
      createdAt: now,
      expiresAt,
      usedAt: null,
    });
    return { setup_token: token, setup_expires_at: expiresAt.toISOString() };
  }

  private async organizationFor(dto: CreateUserDto): Promise<Organization | null> {
    if (dto.organization_id === undefined) return null;
    if (dto.role !== 'reporter') {
      throw new ConflictException('Only reporters belong to an organization.');
    }
    const organization = await this.organizations.findById(dto.organization_id);
    if (!organization) {
      throw new ValidationFailedException([
        { field: 'organization_id', messages: ['organization_id names no organization'] },
      ]);
    }
    return organization;
  }
}
