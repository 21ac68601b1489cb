import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import type { ListUsersQuery } from './dto/update-user.dto';
import { User, type Role } from './user.entity';

/** `!` escapes LIKE's wildcards on both engines. */
const likePattern = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly clock: Clock,
  ) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** The user with its password hash, for sign-in only. */
  findWithPasswordHash(username: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username })
      .getOne();
  }

  setPasswordHash(id: number, passwordHash: string): Promise<unknown> {
    return this.users.update({ id }, { passwordHash });
  }

  /** The user with their organisation (admin pages, and GET /auth/me). */
  findWithOrganization(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { organization: true } });
  }

  /** Oldest first, so pages stay stable while users are added. */
  findPage(query: ListUsersQuery): Promise<[User[], number]> {
    const select = this.users
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organization', 'organization')
      .orderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit);
    // Usernames are stored in lower case, so the lower-cased text matches on both engines.
    if (query.q !== undefined) {
      select.andWhere("u.username LIKE :q ESCAPE '!'", { q: likePattern(query.q.toLowerCase()) });
    }
    if (query.role) select.andWhere('u.role = :role', { role: query.role });
    if (query.organization_id !== undefined) {
      select.andWhere('u.organizationId = :org', { org: query.organization_id });
    }
    return select.getManyAndCount();
  }

  async create(username: string, passwordHash: string, role: Role = 'reporter'): Promise<User> {
    const user = this.users.create({ username, passwordHash, role, createdAt: this.clock.now() });
    try {
      await this.users.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('That username is taken.');
      throw error;
    }
    return user;
  }
}
