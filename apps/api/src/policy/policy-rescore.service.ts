import { PriorityService, type PriorityLevel } from '@app/priority';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, type EntityManager, type Repository } from 'typeorm';

import { lockClause } from '../assignment/assignment-queries';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config';
import { Transactions } from '../database/transactions';
import { MAX_BATCHES_PER_PASS } from '../due-work/drain-due';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';
import { SlaService } from '../sla/sla.service';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import { ACTIVE_STATUSES, Ticket } from '../tickets/ticket.entity';
import { factsOf, scoreFields } from '../tickets/ticket-scoring';
import { TicketTotals } from '../tickets/ticket-totals';
import { ActivePolicy } from './active-policy';
import { POLICY_RESCORE_JOB } from './policy.constants';
import { PolicyVersion } from './policy-version.entity';

const ACTIVE = ACTIVE_STATUSES.map((status) => `'${status}'`).join(', ');

interface Batch {
  found: number;
  rescored: number;
  moved: [Ticket, PriorityLevel][];
}

/**
 * Follows the versions other instances activate and re-scores the active tickets for the version
 * in force. The due rows are the active tickets still scored with an older version (indexed by
 * status and policy version); each batch locks its rows (MySQL: `FOR UPDATE SKIP LOCKED`, so
 * instances take different rows) and updates each ticket only if its version and last change are
 * still what was read. A ticket is re-scored once per version, by one instance, and each change of
 * its level in force is recorded once, as `policy_rescored`.
 */
@Injectable()
export class PolicyRescoreService implements DueJob, OnModuleInit {
  readonly name = POLICY_RESCORE_JOB;
  private readonly batchSize: number;
  private readonly intervalMs: number;

  constructor(
    @InjectRepository(PolicyVersion) private readonly versions: Repository<PolicyVersion>,
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly active: ActivePolicy,
    private readonly priority: PriorityService,
    private readonly sla: SlaService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly runner: DueWorkRunner,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    const policy = config.get('policy', { infer: true });
    this.batchSize = policy.rescoreBatchSize;
    this.intervalMs = policy.refreshIntervalMs;
  }

  onModuleInit(): void {
    this.runner.register(this, this.intervalMs);
  }

  /** Re-scores now what is due (tests; the timer does the same); resolves with the count. */
  rescoreDue(): Promise<number> {
    return this.runner.runNow(this.name);
  }

  async runDue(now: Date): Promise<number> {
    await this.active.refresh();
    const version = this.active.version;
    const row = await this.versions.findOne({
      select: { version: true, rescoreTotal: true, rescoreFinishedAt: true },
      where: { version },
    });
    if (!row || row.rescoreTotal === null || row.rescoreFinishedAt !== null) return 0;
    let rescored = 0;
    for (let pass = 0; pass < MAX_BATCHES_PER_PASS; pass++) {
      const batch = await this.transactions.runContended((m) => this.batch(m, version, now));
      for (const [ticket, level] of batch.moved) {
        this.totals.changed(ticket, { ...ticket, priorityLevel: level });
      }
      rescored += batch.rescored;
      if (batch.found === 0) {
        await this.finish(version);
        break;
      }
    }
    return rescored;
  }

  private async batch(manager: EntityManager, version: number, now: Date): Promise<Batch> {
    const due: { id: number | string }[] = await manager.query(
      `SELECT id FROM tickets WHERE status IN (${ACTIVE}) AND policy_version < ? ` +
        `LIMIT ${Math.trunc(this.batchSize)}${lockClause(manager, true)}`,
      [version],
    );
    if (due.length === 0) return { found: 0, rescored: 0, moved: [] };
    const tickets = await manager.find(Ticket, { where: { id: In(due.map((r) => Number(r.id))) } });
    const events: NewEvent[] = [];
    const moved: Batch['moved'] = [];
    let rescored = 0;
    for (const ticket of tickets) {
      const level = await this.rescore(manager, ticket, version, now);
      if (level === null) continue; // changed meanwhile: it stays due and comes back
      rescored++;
      if (level === ticket.priorityLevel) continue;
      moved.push([ticket, level]);
      const data = { from: ticket.priorityLevel, to: level, version };
      events.push({ ticketId: ticket.id, type: 'policy_rescored', actor: null, at: now, data });
    }
    await this.events.record(manager, events);
    await manager.increment(PolicyVersion, { version }, 'rescoreDone', rescored);
    return { found: due.length, rescored, moved };
  }

  /** Scores `ticket` with `version`; the new level in force, or null if it changed meanwhile. */
  private async rescore(
    manager: EntityManager,
    ticket: Ticket,
    version: number,
    now: Date,
  ): Promise<PriorityLevel | null> {
    const weights = this.priority.weightsOf(version)!;
    const priority = this.priority.score(factsOf(ticket), now, weights);
    const scored = scoreFields(ticket, priority, now, weights, version);
    // The SLA targets follow the new level and the new version's SLA policy (docs/sla.md).
    const changes = { ...scored, ...this.sla.columns({ ...ticket, ...scored }, now) };
    const result = await manager.update(
      Ticket,
      { id: ticket.id, policyVersion: ticket.policyVersion, updatedAt: ticket.updatedAt },
      changes,
    );
    return result.affected ? scored.priorityLevel : null;
  }

  /** Done once no active ticket has an older version (rows another instance holds included). */
  private async finish(version: number): Promise<void> {
    const left = await this.tickets.count({
      where: { status: In([...ACTIVE_STATUSES]), policyVersion: LessThan(version) },
    });
    if (left > 0) return;
    await this.versions.update(
      { version, rescoreFinishedAt: IsNull() },
      { rescoreFinishedAt: this.clock.now() },
    );
  }
}
