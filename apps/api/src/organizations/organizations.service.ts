import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { AuditService, type AuditActor } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import { Transactions } from '../database/transactions';
import type {
  CreateOrganizationDto,
  ListOrganizationsQuery,
  UpdateOrganizationDto,
} from './dto/create-organization.dto';
import { OrganizationDto, type OrganizationPageDto } from './dto/organization.dto';
import { Organization } from './organization.entity';

const stateOf = (o: Organization) => ({ name: o.name, customer_type: o.customerType });

/** Customers and their tiers; every change is audited in its own transaction. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  findById(id: number): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  async list(query: ListOrganizationsQuery): Promise<OrganizationPageDto> {
    const [rows, total] = await this.organizations.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return { organizations: rows.map(OrganizationDto.fromEntity), ...query, total };
  }

  async create(dto: CreateOrganizationDto, actor: AuditActor): Promise<OrganizationDto> {
    const now = this.clock.now();
    const organization = this.organizations.create({
      name: dto.name,
      customerType: dto.customer_type,
      createdAt: now,
      updatedAt: now,
    });
    await this.write(dto.name, null, async (manager) => {
      await manager.insert(Organization, organization);
      await this.audit.record(manager, {
        actor,
        action: 'organization.created',
        target: `organization:${organization.id}`,
        after: stateOf(organization),
      });
    });
    return OrganizationDto.fromEntity(organization);
  }

  async update(
    id: number,
    dto: UpdateOrganizationDto,
    actor: AuditActor,
  ): Promise<OrganizationDto> {
    if (dto.name === undefined && dto.customer_type === undefined) {
      throw new BadRequestException('Give name, customer_type, or both.');
    }
    const before = await this.findById(id);
    if (!before) throw new NotFoundException(`Organization ${id} was not found.`);
    const after: Organization = {
      ...before,
      name: dto.name ?? before.name,
      customerType: dto.customer_type ?? before.customerType,
      updatedAt: this.clock.now(),
    };
    if (after.name === before.name && after.customerType === before.customerType) {
      return OrganizationDto.fromEntity(before);
    }
    await this.write(after.name, id, async (manager) => {
      const { name, customerType, updatedAt } = after;
      await manager.update(Organization, { id }, { name, customerType, updatedAt });
      await this.audit.record(manager, {
        actor,
        action: 'organization.updated',
        target: `organization:${id}`,
        before: stateOf(before),
        after: stateOf(after),
      });
    });
    return OrganizationDto.fromEntity(after);
  }

  /** Runs `work` once `name` is known to be free (another organisation's, whatever its case). */
  private async write(
    name: string,
    ownId: number | null,
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const taken = await this.organizations
      .createQueryBuilder('o')
      .where('LOWER(o.name) = LOWER(:name)', { name })
      .getOne();
    if (taken && taken.id !== ownId) throw new ConflictException('That name is taken.');
    try {
      await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException('That name is taken.');
      throw error;
    }
  }
}
