import { Injectable, NotFoundException, ConflictException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Not, type EntityManager, type Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import type { PageQuery } from '../common/page.query';
import { isUniqueViolation } from '../common/unique-violation';
import { AuditService } from '../audit/audit.service';
import { Transactions } from '../database/transactions';
import { ACTIVE_STATUSES, Ticket } from '../tickets/ticket.entity';
import { ActivePolicy } from './active-policy';
import {
  ActivePolicyDto,
  PolicyVersionDto,
  type PolicyVersionPageDto,
} from './dto/policy-version.dto';
import type { ActivatePolicyDto, UpdatePolicyDto } from './dto/update-policy.dto';
import { assertValidCandidate } from './policy-problems';
import { PolicyVersion } from './policy-version.entity';

interface NewVersion {
  weights: string;
  sla: string;
  reason: string;
  basedOn: number | null;
}

/**
 * The policy life cycle (docs/administration.md): every change is a new version, which is in
 * force at once on this instance and within POLICY_REFRESH_MS on the others, and starts the
 * re-score of the active tickets. History is never rewritten.
 */
@Injectable()
export class PolicyService {
  constructor(
    @InjectRepository(PolicyVersion) private readonly versions: Repository<PolicyVersion>,
    private readonly transactions: Transactions,
    private readonly active: ActivePolicy,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async current(): Promise<ActivePolicyDto> {
    const [row] = await this.versions.find({
      order: { version: 'DESC' },
      take: 1,
      relations: { creator: true },
    });
    const rescoring = row.rescoreTotal !== null && row.rescoreFinishedAt === null;
    return {
      ...PolicyVersionDto.from(row),
      rescore: rescoring
        ? {
            version: row.version,
            done: Math.min(row.rescoreDone, row.rescoreTotal!),
            total: row.rescoreTotal!,
            started_at: row.rescoreStartedAt!.toISOString(),
          }
        : null,
    };
  }

  async list(query: PageQuery): Promise<PolicyVersionPageDto> {
    const [rows, total] = await this.versions.findAndCount({
      order: { version: 'DESC' },
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      relations: { creator: true },
    });
    return {
      versions: rows.map(PolicyVersionDto.from),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  async get(version: number): Promise<PolicyVersionDto> {
    return PolicyVersionDto.from(await this.find(version));
  }

  update(dto: UpdatePolicyDto, admin: AuthUser): Promise<ActivePolicyDto> {
    assertValidCandidate(dto);
    return this.save(
      {
        weights: JSON.stringify(dto.weights),
        sla: JSON.stringify(dto.sla),
        reason: dto.reason,
        basedOn: null,
      },
      admin,
    );
  }

  async activate(
    version: number,
    dto: ActivatePolicyDto,
    admin: AuthUser,
  ): Promise<ActivePolicyDto> {
    assertValidCandidate({ reason: dto.reason });
    const earlier = await this.find(version);
    return this.save(
      { weights: earlier.weights, sla: earlier.sla, reason: dto.reason, basedOn: version },
      admin,
    );
  }

  private async find(version: number): Promise<PolicyVersion> {
    const row = await this.versions.findOne({ where: { version }, relations: { creator: true } });
    if (!row) throw new NotFoundException(`Policy version ${version} was not found.`);
    return row;
  }

  /** Writes version n + 1, in force at once; two admins saving together: one gets a 409. */
  private async save(next: NewVersion, admin: AuthUser): Promise<ActivePolicyDto> {
    const now = this.clock.now();
    try {
      await this.transactions.run((manager) => this.insert(manager, next, admin, now));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ConflictException('Another policy version was saved at the same time; reload it.');
    }
    // In force here at once; the re-score starts at the next pass of the job (POLICY_REFRESH_MS)
    // on whichever instances run it.
    await this.active.refresh();
    return this.current();
  }

  private async insert(manager: EntityManager, next: NewVersion, admin: AuthUser, now: Date) {
    const [latest] = await manager.find(PolicyVersion, {
      select: { version: true },
      order: { version: 'DESC' },
      take: 1,
    });
    const version = (latest?.version ?? 0) + 1;
    const total = await manager.count(Ticket, {
      where: { status: In([...ACTIVE_STATUSES]), policyVersion: LessThan(version) },
    });
    // A re-score still running for an older version is superseded by this one.
    await manager.update(
      PolicyVersion,
      { rescoreFinishedAt: IsNull(), rescoreTotal: Not(IsNull()) },
      { rescoreFinishedAt: now },
    );
    await manager.insert(PolicyVersion, {
      version,
      ...next,
      createdBy: admin.id,
      createdAt: now,
      rescoreTotal: total,
      rescoreDone: 0,
      rescoreStartedAt: now,
      rescoreFinishedAt: total === 0 ? now : null,
    });
    await this.audit.record(manager, {
      actor: admin,
      action: next.basedOn === null ? 'policy.saved' : 'policy.activated',
      target: `policy:${version}`,
      before: latest ? { version: latest.version } : undefined,
      after: {
        version,
        based_on: next.basedOn,
        reason: next.reason,
        weights: JSON.parse(next.weights) as unknown,
        sla: JSON.parse(next.sla) as unknown,
      },
    });
    return version;
  }
}
