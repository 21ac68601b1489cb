import { pickAgent, type AgentLoad } from '@app/priority';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';

import type { AssignmentConfig, AppConfig } from '../config';
import { Transactions } from '../database/transactions';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';
import { TicketMetrics } from '../metrics/ticket-metrics';
import { TicketEventsService, type NewEvent } from '../ticket-events/ticket-events.service';
import { AUTO_ASSIGNMENT_JOB } from './assignment.constants';
import { TicketTotals } from '../tickets/ticket-totals';
import {
  lockAvailableAgents,
  lockWaiting,
  takeTicket,
  touchAssigned,
  type WaitingRow,
} from './assignment-queries';
import { counted } from './claim.service';

const BATCH = 50;
const MAX_BATCHES = 200;

/**
 * ASSIGNMENT_MODE=auto: hands the waiting pool (open, unassigned), top of the queue first, to
 * the available agent with the most spare capacity. Each batch runs in one transaction that
 * first locks every available agent's row (SELECT … FOR UPDATE on MySQL; SQLite has one
 * writer), so two instances never count the same free slot; each ticket is then taken with
 * SKIP LOCKED and a conditional UPDATE (still open, still unassigned), so none goes twice.
 */
@Injectable()
export class AutoAssignmentService implements DueJob, OnModuleInit {
  readonly name = AUTO_ASSIGNMENT_JOB;
  private readonly config: AssignmentConfig;

  constructor(
    private readonly transactions: Transactions,
    private readonly events: TicketEventsService,
    private readonly runner: DueWorkRunner,
    private readonly totals: TicketTotals,
    private readonly metrics: TicketMetrics,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.get('assignment', { infer: true });
  }

  onModuleInit(): void {
    if (this.config.mode === 'auto') this.runner.register(this, this.config.intervalMs);
  }

  /** Assigns until nobody has room or nothing waits; returns how many this call assigned. */
  async runDue(now: Date): Promise<number> {
    let assigned = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const given: [WaitingRow, number][] = [];
      const count = await this.transactions.runContended((m) => this.assignBatch(m, now, given));
      // Counts follow only what committed.
      for (const [row, agentId] of given) {
        const before = counted(row);
        this.totals.changed(before, { ...before, assigneeId: agentId });
      }
      if (count > 0) this.metrics.assigned('auto', count);
      assigned += count;
      if (count < BATCH) break;
    }
    return assigned;
  }

  private async assignBatch(
    manager: EntityManager,
    now: Date,
    given: [WaitingRow, number][],
  ): Promise<number> {
    const agents = await lockAvailableAgents(manager, this.config.defaultCapacity);
    const room = agents.reduce((sum, a) => sum + Math.max(0, a.capacity - a.open), 0);
    if (room === 0) return 0;
    const waiting = await lockWaiting(manager, Math.min(BATCH, room));
    const events: NewEvent[] = [];
    for (const ticket of waiting) {
      const agent = pickAgent(agents);
      if (!agent) break;
      if (!(await takeTicket(manager, ticket.id, agent.id, now, false))) continue;
      give(agent, now);
      given.push([ticket, agent.id]);
      events.push({
        ticketId: ticket.id,
        type: 'assigned',
        actor: null,
        at: now,
        data: { from: null, to: agent.id },
      });
    }
    await touchAssigned(manager, [...new Set(given.map(([, id]) => id))], now);
    await this.events.record(manager, events);
    return events.length;
  }
}

function give(agent: AgentLoad, now: Date): void {
  agent.open++;
  agent.lastAssignedAt = now;
}
