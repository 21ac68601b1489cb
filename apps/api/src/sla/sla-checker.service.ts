import { checkSlaEvents, type DueSlaEvent } from '@app/sla';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import type { AppConfig } from '../config';
import { Transactions } from '../database/transactions';
import { drainDue } from '../due-work/drain-due';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import { Ticket } from '../tickets/ticket.entity';
import { SlaMetrics } from './sla-metrics';
import { SlaService, summaryColumns } from './sla.service';

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Records `sla_warning` and `sla_breached` when they fall due. Each ticket stores the next
 * instant one may (`sla_next_check_at`, indexed), so a pass reads only due tickets. The update
 * that records what was done is conditional on the check instant, flags, status and level it
 * read: with several instances racing, exactly one wins each ticket and records its events, in
 * the same transaction.
 */
@Injectable()
export class SlaCheckerService implements DueJob, OnModuleInit {
  readonly name = 'sla';
  private readonly batchSize: number;
  private readonly intervalMs: number;

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly transactions: Transactions,
    private readonly sla: SlaService,
    private readonly events: TicketEventsService,
    private readonly metrics: SlaMetrics,
    private readonly runner: DueWorkRunner,
    config: ConfigService<AppConfig, true>,
  ) {
    const settings = config.get('sla', { infer: true });
    this.batchSize = settings.batchSize;
    this.intervalMs = settings.checkIntervalMs;
  }

  onModuleInit(): void {
    this.runner.register(this, this.intervalMs);
  }

  /** One pass now, as the timer would run it; resolves with the tickets checked. */
  checkDue(): Promise<number> {
    return this.runner.runNow(this.name);
  }

  runDue(now: Date): Promise<number> {
    return drainDue({
      batchSize: this.batchSize,
      findDue: (limit) =>
        this.tickets
          .createQueryBuilder('t')
          .where('t.slaNextCheckAt <= :now', { now })
          .orderBy('t.slaNextCheckAt', 'ASC')
          .limit(limit)
          .getMany(),
      handle: async (due) => {
        const recorded: DueSlaEvent[] = [];
        const won = await this.transactions.run((m) => this.checkBatch(m, due, now, recorded));
        for (const event of recorded) {
          if (event.kind === 'sla_breached') this.metrics.breached(event.metric, event.level);
        }
        return won;
      },
    });
  }

  private async checkBatch(
    manager: EntityManager,
    due: Ticket[],
    now: Date,
    recorded: DueSlaEvent[],
  ): Promise<number> {
    const events: NewEvent[] = [];
    let won = 0;
    for (const ticket of due) {
      const state = this.sla.state(ticket, now);
      const check = checkSlaEvents(state, now.getTime(), ticket.slaFlags);
      const result = await manager.update(
        Ticket,
        {
          id: ticket.id,
          slaNextCheckAt: ticket.slaNextCheckAt!,
          slaFlags: ticket.slaFlags,
          status: ticket.status,
          priorityLevel: ticket.priorityLevel,
        },
        {
          ...summaryColumns(state, ticket.status),
          slaFlags: check.recorded,
          slaNextCheckAt: toDate(check.nextCheckAt),
        },
      );
      if (!result.affected) continue; // another instance, or a change of the ticket, came first
      won++;
      recorded.push(...check.events);
      events.push(...check.events.map((event) => toNewEvent(ticket.id, event, now)));
    }
    await this.events.record(manager, events);
    return won;
  }
}

function toNewEvent(ticketId: number, event: DueSlaEvent, now: Date): NewEvent {
  return {
    ticketId,
    type: event.kind,
    actor: null,
    at: now,
    data: {
      metric: event.metric,
      level: event.level,
      due_at: event.dueAt === null ? null : new Date(event.dueAt).toISOString(),
    },
  };
}
