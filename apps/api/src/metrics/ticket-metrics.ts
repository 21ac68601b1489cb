import { Injectable } from '@nestjs/common';

import { MetricsRegistry } from './metrics.registry';

/** What the tickets feature reports; injected so tickets/ stays free of prom-client. */
@Injectable()
export class TicketMetrics {
  constructor(private readonly metrics: MetricsRegistry) {}

  created(level: string): void {
    this.metrics.ticketsCreated.inc({ level });
  }
}
