import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import type { AppConfig } from '../config';
import { readPackageVersion } from './package-version';

/** Seconds; fine at the low end, where the API lives, and up to the request budget. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Seconds, for ticket lifetimes: 5 minutes up to 30 days. */
const TICKET_SECONDS_BUCKETS = [
  300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 432000, 2592000,
];

/**
 * One registry per application instance: prom-client's global registry throws "already
 * registered" as soon as a second app is built in the same process (tests do that).
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly ticketsCreated = new Counter({
    name: 'tickets_created_total',
    help: 'Tickets created, by priority level',
    labelNames: ['level'] as const,
    registers: [this.registry],
  });

  readonly ticketsResolved = new Counter({
    name: 'tickets_resolved_total',
    help: 'Tickets resolved, by the level in force when they were resolved',
    labelNames: ['level'] as const,
    registers: [this.registry],
  });

  readonly resolutionSeconds = new Histogram({
    name: 'ticket_resolution_seconds',
    help: 'Wall-clock seconds from creation to resolution, by level',
    labelNames: ['level'] as const,
    buckets: TICKET_SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly firstResponseSeconds = new Histogram({
    name: 'ticket_first_response_seconds',
    help: "Wall-clock seconds from creation to an agent's first public comment, by level",
    labelNames: ['level'] as const,
    buckets: TICKET_SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly assignments = new Counter({
    name: 'ticket_assignments_total',
    help: 'Tickets assigned, by how: manual (PATCH), claim (claim-next) or auto',
    labelNames: ['mode'] as const,
    registers: [this.registry],
  });

  constructor(config: ConfigService<AppConfig, true>) {
    collectDefaultMetrics({ register: this.registry });
    const buildInfo = new Gauge({
      name: 'build_info',
      help: 'Always 1; the labels say which build is running',
      labelNames: ['version', 'commit', 'node_version'] as const,
      registers: [this.registry],
    });
    buildInfo.set(
      {
        version: readPackageVersion(),
        commit: config.get('ops', { infer: true }).commit,
        node_version: process.version,
      },
      1,
    );
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
