import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Counter, Gauge } from 'prom-client';
import type { Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { Ticket } from '../tickets/ticket.entity';
import { atRiskCondition } from './sla-filters';

/** `sla_breaches_total{metric,level}` (this instance's records) and the tickets at risk now. */
@Injectable()
export class SlaMetrics {
  private readonly breaches: Counter<'metric' | 'level'>;

  constructor(
    metrics: MetricsRegistry,
    @InjectRepository(Ticket) tickets: Repository<Ticket>,
    clock: Clock,
  ) {
    this.breaches = new Counter({
      name: 'sla_breaches_total',
      help: 'SLA breaches recorded by this instance, by metric and level',
      labelNames: ['metric', 'level'] as const,
      registers: [metrics.registry],
    });
    new Gauge({
      name: 'sla_tickets_at_risk',
      help: 'Active tickets past an SLA warning and not yet breached (counted at scrape time)',
      registers: [metrics.registry],
      async collect() {
        const [sql, params] = atRiskCondition('t', clock.now());
        const count = await tickets
          .createQueryBuilder('t')
          .where(sql, params)
          .andWhere("t.status IN ('open', 'in_progress', 'pending')")
          .getCount();
        this.set(count);
      },
    });
  }

  breached(metric: string, level: string): void {
    this.breaches.inc({ metric, level });
  }
}
