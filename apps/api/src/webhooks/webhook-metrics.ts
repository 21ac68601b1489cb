import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Counter, Gauge } from 'prom-client';
import type { Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Webhook } from './webhook.entity';

/** Scrapes every 15 s from each Prometheus must not each scan the outbox. */
const OUTBOX_TTL_MS = 5_000;

/**
 * `webhook_attempts_total{outcome}` (this instance's attempts: delivered, or failed and retried
 * or given up), `webhook_failures_total` (deliveries given up), and, read from the database at
 * scrape time, the outbox: deliveries waiting and the age of the oldest due one (the lag).
 */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter<'outcome'>;
  private readonly failures: Counter;
  private cached: { at: number; pending: number; lagSeconds: number } | undefined;

  constructor(
    metrics: MetricsRegistry,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly clock: Clock,
  ) {
    const registers = [metrics.registry];
    this.attempts = new Counter({
      name: 'webhook_attempts_total',
      help: 'Webhook delivery attempts made by this instance, by outcome (delivered, retry, failed)',
      labelNames: ['outcome'] as const,
      registers,
    });
    this.failures = new Counter({
      name: 'webhook_failures_total',
      help: 'Webhook deliveries this instance marked failed after 24 h of retries',
      registers,
    });
    const outbox = () => this.outbox();
    new Gauge({
      name: 'webhook_outbox_pending',
      help: 'Deliveries of active webhooks not yet delivered nor failed',
      registers,
      async collect() {
        this.set((await outbox()).pending);
      },
    });
    new Gauge({
      name: 'webhook_outbox_lag_seconds',
      help: 'How long the oldest due delivery of an active webhook has waited for its attempt',
      registers,
      async collect() {
        this.set((await outbox()).lagSeconds);
      },
    });
  }

  attempted(outcome: 'delivered' | 'retry' | 'failed'): void {
    this.attempts.inc({ outcome });
    if (outcome === 'failed') this.failures.inc();
  }

  private async outbox(): Promise<{ pending: number; lagSeconds: number }> {
    const now = this.clock.now();
    if (this.cached && Math.abs(now.getTime() - this.cached.at) < OUTBOX_TTL_MS) return this.cached;
    const base = () =>
      this.deliveries
        .createQueryBuilder('d')
        .innerJoin(Webhook, 'w', 'w.id = d.webhookId')
        .where("d.status = 'pending'")
        .andWhere('w.active = :active', { active: true });
    const pending = await base().getCount();
    const oldest = await base()
      .andWhere('d.nextAttemptAt <= :now', { now })
      .orderBy('d.nextAttemptAt', 'ASC')
      .getOne();
    const lagMs = oldest?.nextAttemptAt ? now.getTime() - oldest.nextAttemptAt.getTime() : 0;
    this.cached = { at: now.getTime(), pending, lagSeconds: Math.max(0, lagMs) / 1000 };
    return this.cached;
  }
}
