import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { ValidationFailedException } from '../common/validation';
import type { AppConfig } from '../config';
import { DueWorkRunner } from '../due-work/due-work.runner';
import { User } from '../users/user.entity';
import { AUTO_ASSIGNMENT_JOB, STAFF_ROLES } from './assignment.constants';
import { activeCounts } from './assignment-queries';
import type { AgentDto } from './dto/agent.dto';
import type { UpdateAgentDto } from './dto/update-agent.dto';

/** Agents' and admins' availability and capacity for auto-assignment, and what they hold. */
@Injectable()
export class AgentsService {
  private readonly defaultCapacity: number;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly runner: DueWorkRunner,
    config: ConfigService<AppConfig, true>,
  ) {
    this.defaultCapacity = config.get('assignment', { infer: true }).defaultCapacity;
  }

  async list(): Promise<AgentDto[]> {
    const staff = await this.users.find({
      where: { role: In([...STAFF_ROLES]), disabled: false },
      order: { id: 'ASC' },
    });
    return this.toDtos(staff);
  }

  async update(id: number, dto: UpdateAgentDto, actor: AuthUser): Promise<AgentDto> {
    if (dto.available === undefined && dto.capacity === undefined) {
      throw new ValidationFailedException([
        { field: 'body', messages: ['give at least one of available, capacity'] },
      ]);
    }
    if (actor.role !== 'admin' && (id !== actor.id || dto.capacity !== undefined)) {
      throw new ForbiddenException('Agents may set their own availability only.');
    }
    const agent = await this.users.findOneBy({ id, role: In([...STAFF_ROLES]), disabled: false });
    if (!agent) throw new NotFoundException(`Agent ${id} was not found.`);
    const changes: Partial<User> = {};
    if (dto.available !== undefined) changes.available = dto.available;
    if (dto.capacity !== undefined) changes.capacity = dto.capacity;
    await this.users.update({ id }, changes);
    // Becoming available or gaining room may let waiting tickets through.
    this.runner.nudge(AUTO_ASSIGNMENT_JOB);
    const [updated] = await this.toDtos([{ ...agent, ...changes }]);
    return updated;
  }

  private async toDtos(staff: User[]): Promise<AgentDto[]> {
    const counts = await activeCounts(
      this.users.manager,
      staff.map((user) => user.id),
    );
    return staff.map((user) => ({
      id: user.id,
      username: user.username,
      role: user.role,
      available: user.available ?? user.role === 'agent',
      capacity: user.capacity ?? this.defaultCapacity,
      open_assigned: counts.get(user.id) ?? 0,
      last_assigned_at: user.lastAssignedAt?.toISOString() ?? null,
    }));
  }
}
