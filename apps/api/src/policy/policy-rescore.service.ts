import { PriorityService, type PriorityLevel } from '@app/priority';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, type EntityManager, type Repository } from 'typeorm';

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
import {
  DERIVED,
  lockDueTickets,
  type DueTicket,
  type RescoredColumns,
} from './policy-rescore-rows';
import { writeRescored, type Rescored } from './policy-rescore-write';
import { PolicyVersion } from './policy-version.entity';

interface Batch {
  found: number;
  rescored: number;
  moved: [DueTicket, PriorityLevel][];
}

/**
 * Follows the versions other instances activate and re-scores the active tickets for the version
 * in force. The due rows are the active tickets still scored with an older version (indexed by
 * status and policy version); each batch locks its rows (MySQL: `FOR UPDATE SKIP LOCKED`, so
 * instances take different rows; SQLite has one writer), writes them with a few multi-row UPDATEs
 * guarded by the older version, and records the level changes with one multi-row INSERT, all in
 * one transaction. A ticket is re-scored once per version, by one instance, and each change of
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
    const due = await lockDueTickets(manager, version, this.batchSize);
    if (due.length === 0) return { found: 0, rescored: 0, moved: [] };
    const rows = due.map(({ ticket, stored }): Rescored => {
      const columns = this.rescore(ticket, version, now);
      const changed = DERIVED.some(([, value], i) => value(columns) !== stored[i]);
      return { id: ticket.id, columns, changed };
    });
    // The rows are locked (MySQL) or this is the only writer (SQLite): all of them are written.
    const rescored = await writeRescored(manager, version, rows);
    if (rescored !== rows.length) throw new Error('A re-score batch lost rows it had locked.');
    const events: NewEvent[] = [];
    const moved: Batch['moved'] = [];
    due.forEach(({ ticket }, index) => {
      const level = rows[index].columns.priorityLevel;
      if (level === ticket.priorityLevel) return;
      moved.push([ticket, level]);
      const data = { from: ticket.priorityLevel, to: level, version };
      events.push({ ticketId: ticket.id, type: 'policy_rescored', actor: null, at: now, data });
    });
    await this.events.record(manager, events);
    await manager.increment(PolicyVersion, { version }, 'rescoreDone', rescored);
    return { found: due.length, rescored, moved };
  }

  /** The columns `ticket` gets when scored with `version` at `now`. */
  private rescore(ticket: DueTicket, version: number, now: Date): RescoredColumns {
    const weights = this.priority.weightsOf(version)!;
    const priority = this.priority.score(factsOf(ticket), now, weights);
    const scored = scoreFields(ticket, priority, now, weights, version);
    // The SLA targets follow the new level and the new version's SLA policy (docs/sla.md).
    return { ...scored, ...this.sla.columns({ ...ticket, ...scored }, now) };
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
