import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import { User, type Role } from './user.entity';

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

  /** The user with their organisation, for administrators. */
  findWithOrganization(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { organization: true } });
  }

  /** Oldest first, so pages stay stable while users are added. */
  findPage(page: number, limit: number): Promise<[User[], number]> {
    return this.users.findAndCount({
      relations: { organization: true },
      order: { id: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
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
