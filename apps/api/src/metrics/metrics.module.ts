import { Global, Module } from '@nestjs/common';

import { DatabasePoolMetrics } from './database-pool.metrics';
import { HttpMetricsHook } from './http-metrics.hook';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { QueueMetrics } from './queue.metrics';
import { TicketMetrics } from './ticket-metrics';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsRegistry, HttpMetricsHook, DatabasePoolMetrics, QueueMetrics, TicketMetrics],
  exports: [MetricsRegistry, TicketMetrics],
})
export class MetricsModule {}
