import { PRIORITY_LEVELS, PriorityService, type PriorityLevel } from '@app/priority';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import type { AppConfig } from '../config';
import { Transactions } from '../database/transactions';
import { drainDue } from '../due-work/drain-due';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import { SlaService } from '../sla/sla.service';
import { Ticket } from '../tickets/ticket.entity';
import { factsOf, scoreFields } from '../tickets/ticket-scoring';
import { TicketTotals } from '../tickets/ticket-totals';

const rank = (level: PriorityLevel) => PRIORITY_LEVELS.length - PRIORITY_LEVELS.indexOf(level);

/**
 * Re-scores the tickets whose age crossed a bucket boundary. Each ticket stores the instant its
 * score next changes (`next_rescore_at`, indexed), so a pass reads only tickets that are due,
 * whatever the table size. Every update is conditional on the `next_rescore_at` it read: when
 * several instances race, exactly one wins each ticket and records its level rise once.
 */
@Injectable()
export class AgingService implements DueJob, OnModuleInit {
  readonly name = 'aging';
  private readonly batchSize: number;
  private readonly intervalMs: number;

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly priority: PriorityService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly runner: DueWorkRunner,
    private readonly sla: SlaService,
    config: ConfigService<AppConfig, true>,
  ) {
    const queue = config.get('queue', { infer: true });
    this.batchSize = queue.agingBatchSize;
    this.intervalMs = queue.agingIntervalMs;
  }

  onModuleInit(): void {
    this.runner.register(this, this.intervalMs);
  }

  runDue(now: Date): Promise<number> {
    return drainDue({
      batchSize: this.batchSize,
      findDue: (limit) =>
        this.tickets
          .createQueryBuilder('t')
          .addSelect('t.nextRescoreAt')
          .where('t.nextRescoreAt <= :now', { now })
          .orderBy('t.nextRescoreAt', 'ASC')
          .limit(limit)
          .getMany(),
      handle: async (due) => {
        const moved: [Ticket, PriorityLevel][] = [];
        const rescored = await this.transactions.run((m) => this.rescoreBatch(m, due, now, moved));
        // Counts follow only what committed.
        for (const [ticket, level] of moved) {
          this.totals.changed(ticket, { ...ticket, priorityLevel: level });
        }
        return rescored;
      },
    });
  }

  /** Brings every due ticket up to date as of now; returns how many this call re-scored. */
  rescoreDue(): Promise<number> {
    return this.runner.runNow(this.name);
  }

  private async rescoreBatch(
    manager: EntityManager,
    due: Ticket[],
    now: Date,
    moved: [Ticket, PriorityLevel][],
  ): Promise<number> {
    const raised: NewEvent[] = [];
    let updated = 0;
    for (const ticket of due) {
      // Aging keeps the ticket's policy version; moving it to a newer one is the re-scorer's job.
      const weights = this.priority.weightsOf(ticket.policyVersion) ?? this.priority.weights;
      const priority = this.priority.score(factsOf(ticket), now, weights);
      const scored = scoreFields(ticket, priority, now, weights, ticket.policyVersion);
      const changes: Partial<Ticket> = { ...scored };
      // A new level in force brings other SLA targets, counted from created_at (docs/sla.md).
      if (scored.priorityLevel !== ticket.priorityLevel) {
        Object.assign(changes, this.sla.columns({ ...ticket, ...scored }, now));
      }
      const result = await manager.update(
        Ticket,
        {
          id: ticket.id,
          nextRescoreAt: ticket.nextRescoreAt!,
          policyVersion: ticket.policyVersion,
        },
        changes,
      );
      if (!result.affected) continue; // another instance got there first
      updated++;
      // The level in force: an override pins it while the score keeps aging.
      const level = scored.priorityLevel;
      if (level !== ticket.priorityLevel) moved.push([ticket, level]);
      if (rank(level) > rank(ticket.priorityLevel)) {
        raised.push({
          ticketId: ticket.id,
          type: 'level_raised',
          actor: null,
          at: now,
          data: {
            from: ticket.priorityLevel,
            to: level,
            score_from: ticket.priorityScore,
            score_to: priority.score,
          },
        });
      }
    }
    await this.events.record(manager, raised);
    return updated;
  }
}
