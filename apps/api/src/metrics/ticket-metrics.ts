import { Injectable } from '@nestjs/common';

import { MetricsRegistry } from './metrics.registry';

const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, (to.getTime() - from.getTime()) / 1000);

/** What the tickets feature reports; injected so tickets/ stays free of prom-client. */
@Injectable()
export class TicketMetrics {
  constructor(private readonly metrics: MetricsRegistry) {}

  created(level: string): void {
    this.metrics.ticketsCreated.inc({ level });
  }

  resolved(level: string, createdAt: Date, resolvedAt: Date): void {
    this.metrics.ticketsResolved.inc({ level });
    this.metrics.resolutionSeconds.observe({ level }, secondsBetween(createdAt, resolvedAt));
  }

  firstResponse(level: string, createdAt: Date, respondedAt: Date): void {
    this.metrics.firstResponseSeconds.observe({ level }, secondsBetween(createdAt, respondedAt));
  }

  assigned(mode: 'manual' | 'claim' | 'auto', count = 1): void {
    this.metrics.assignments.inc({ mode }, count);
  }
}
