import { PRIORITY_LEVELS, PriorityService, type PriorityLevel } from '@app/priority';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import type { AppConfig } from '../config';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import { Ticket } from '../tickets/ticket.entity';
import { factsOf, scoreFields } from '../tickets/ticket-scoring';
import { TicketTotals } from '../tickets/ticket-totals';

/** A tick never loops forever, even if every row it finds is taken by another instance. */
const MAX_BATCHES_PER_PASS = 200;

const rank = (level: PriorityLevel) => PRIORITY_LEVELS.length - PRIORITY_LEVELS.indexOf(level);

/**
 * Re-scores the tickets whose age crossed a bucket boundary. Each ticket stores the instant its
 * score next changes (`next_rescore_at`, indexed), so a pass reads only tickets that are due,
 * whatever the table size. Every update is conditional on the `next_rescore_at` it read: when
 * several instances race, exactly one wins each ticket and records its level rise once.
 */
@Injectable()
export class AgingService {
  private readonly batchSize: number;

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly priority: PriorityService,
    private readonly events: TicketEventsService,
    private readonly totals: TicketTotals,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.batchSize = config.get('queue', { infer: true }).agingBatchSize;
  }

  /** Brings every due ticket up to date as of now; returns how many this call re-scored. */
  async rescoreDue(): Promise<number> {
    const now = this.clock.now();
    let rescored = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
      const due = await this.tickets
        .createQueryBuilder('t')
        .addSelect('t.nextRescoreAt')
        .where('t.nextRescoreAt <= :now', { now })
        .orderBy('t.nextRescoreAt', 'ASC')
        .limit(this.batchSize)
        .getMany();
      if (due.length === 0) break;
      const moved: [Ticket, PriorityLevel][] = [];
      rescored += await this.transactions.run((m) => this.rescoreBatch(m, due, now, moved));
      // Counts follow only what committed.
      for (const [ticket, level] of moved) {
        this.totals.changed(ticket, { ...ticket, priorityLevel: level });
      }
      if (due.length < this.batchSize) break;
    }
    return rescored;
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
      const priority = this.priority.score(factsOf(ticket), now);
      const changes = scoreFields(ticket, priority, now, this.priority.weights);
      const result = await manager.update(
        Ticket,
        { id: ticket.id, nextRescoreAt: ticket.nextRescoreAt! },
        changes,
      );
      if (!result.affected) continue; // another instance got there first
      updated++;
      if (priority.level !== ticket.priorityLevel) moved.push([ticket, priority.level]);
      if (rank(priority.level) > rank(ticket.priorityLevel)) {
        raised.push({
          ticketId: ticket.id,
          type: 'level_raised',
          actor: null,
          at: now,
          data: {
            from: ticket.priorityLevel,
            to: priority.level,
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
