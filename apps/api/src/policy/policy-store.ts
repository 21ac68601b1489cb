import type { PriorityWeights } from '@app/priority';
import type { SlaPolicy } from '@app/sla';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import type { AppConfig } from '../config';
import { PolicyVersion } from './policy-version.entity';

/** The content of a version: what the scoring and the SLA clocks use. */
export interface StoredPolicy {
  version: number;
  weights: PriorityWeights;
  sla: SlaPolicy;
}

export const parsePolicy = (row: Pick<PolicyVersion, 'version' | 'weights' | 'sla'>) => ({
  version: row.version,
  weights: JSON.parse(row.weights) as PriorityWeights,
  sla: JSON.parse(row.sla) as SlaPolicy,
});

/** JSON with object keys sorted, so two equal policies compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const CONTENT = { version: true, weights: true, sla: true } as const;

/**
 * Reads policy versions, and writes version 1 at the first start: the weights and SLA policy of
 * the files (or the shipped defaults). Afterwards the database is the source of truth; a file
 * that differs from the version in force is only logged.
 */
@Injectable()
export class PolicyStore {
  private readonly logger = new Logger(PolicyStore.name);
  private started?: Promise<StoredPolicy>;

  constructor(
    @InjectRepository(PolicyVersion) private readonly versions: Repository<PolicyVersion>,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
  ) {}

  /** The version in force at start (version 1 is written first when there is none). */
  atStart(): Promise<StoredPolicy> {
    return (this.started ??= this.start());
  }

  async newest(): Promise<StoredPolicy | null> {
    const rows = await this.versions.find({ select: CONTENT, order: { version: 'DESC' }, take: 1 });
    return rows[0] ? parsePolicy(rows[0]) : null;
  }

  /** Every version newer than `version`, oldest first. */
  async since(version: number): Promise<StoredPolicy[]> {
    const rows = await this.versions.find({
      select: CONTENT,
      where: { version: MoreThan(version) },
      order: { version: 'ASC' },
    });
    return rows.map(parsePolicy);
  }

  async newestVersion(): Promise<number> {
    const row = await this.versions.find({
      select: { version: true },
      order: { version: 'DESC' },
      take: 1,
    });
    return row[0]?.version ?? 0;
  }

  private async start(): Promise<StoredPolicy> {
    const newest = await this.newest();
    if (newest) {
      this.warnIfFilesDiffer(newest);
      return newest;
    }
    const priority = this.config.get('priority', { infer: true });
    const sla = this.config.get('sla', { infer: true });
    const from = [priority, sla].every((c) => c.source === 'defaults')
      ? 'the shipped defaults'
      : `weights: ${priority.source}; SLA: ${sla.source}`;
    try {
      await this.versions.insert({
        version: 1,
        weights: JSON.stringify(priority.weights),
        sla: JSON.stringify(sla.policy),
        reason: `Version 1, written at the first start from ${from}.`.slice(0, 500),
        createdBy: null,
        createdAt: this.clock.now(),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another instance wrote it first
    }
    return (await this.newest())!;
  }

  private warnIfFilesDiffer(active: StoredPolicy): void {
    const priority = this.config.get('priority', { infer: true });
    const sla = this.config.get('sla', { infer: true });
    const differs = (source: string, file: unknown, stored: unknown) =>
      source !== 'defaults' && canonicalJson(file) !== canonicalJson(stored);
    for (const [name, source, differ] of [
      [
        'PRIORITY_WEIGHTS_FILE',
        priority.source,
        differs(priority.source, priority.weights, active.weights),
      ],
      ['SLA_POLICY_FILE', sla.source, differs(sla.source, sla.policy, active.sla)],
    ] as const) {
      if (differ) {
        this.logger.warn(
          `${name} ${source} differs from policy version ${active.version}, which stays in force: ` +
            'the database is the source of truth (change the policy with PUT /admin/policy).',
        );
      }
    }
  }
}
