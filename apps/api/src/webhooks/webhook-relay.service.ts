import { randomUUID } from 'node:crypto';

import { nextRetryAt } from '@app/webhooks';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Webhook as Signer } from 'standardwebhooks';
import { In, IsNull, LessThanOrEqual, Not, type Repository } from 'typeorm';

import { AuditService } from '../audit/audit.service';
import { Transactions } from '../database/transactions';
import { Clock } from '../common/clock';
import type { AppConfig, WebhooksConfig } from '../config';
import { drainDue } from '../due-work/drain-due';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';
import { TicketEvent } from '../ticket-events/ticket-event.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookMetrics } from './webhook-metrics';
import { sendWebhook, type SendResult } from './webhook-sender';
import { Webhook } from './webhook.entity';

export const WEBHOOK_RELAY_JOB = 'webhooks';
const DAY_MS = 86_400_000;

/** The Standard Webhooks body of one event. */
export function webhookBody(delivery: WebhookDelivery, event: TicketEvent): string {
  return JSON.stringify({
    type: delivery.type,
    timestamp: event.createdAt.toISOString(),
    data: {
      event_id: event.id,
      ticket_id: event.ticketId,
      event: event.type,
      actor: event.actor,
      actor_id: event.actorId,
      internal: event.internal,
      details: JSON.parse(event.data) as unknown,
    },
  });
}

/**
 * The relay, in every instance: claims due deliveries with a lease (one conditional UPDATE sets
 * a fresh token and moves `next_attempt_at` past the lease, so a delivery is claimed by one
 * relay), sends them, and writes each outcome only under its token. A relay that dies leaves its
 * deliveries to come due again when the lease ends; another instance then retries them.
 */
@Injectable()
export class WebhookRelayService implements DueJob, OnModuleInit {
  readonly name = WEBHOOK_RELAY_JOB;
  private readonly logger = new Logger(WebhookRelayService.name);
  private readonly settings: WebhooksConfig;

  constructor(
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly runner: DueWorkRunner,
    private readonly clock: Clock,
    private readonly metrics: WebhookMetrics,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = config.get('webhooks', { infer: true });
  }

  onModuleInit(): void {
    this.runner.register(this, this.settings.relayIntervalMs);
  }

  /** One relay pass now, as the timer would run it; resolves with the deliveries attempted. */
  relayDue(): Promise<number> {
    return this.runner.runNow(this.name);
  }

  runDue(now: Date): Promise<number> {
    return drainDue({
      batchSize: this.settings.batchSize,
      findDue: (limit) =>
        this.deliveries
          .createQueryBuilder('d')
          .innerJoin(Webhook, 'w', 'w.id = d.webhookId')
          .where('d.nextAttemptAt <= :now', { now })
          .andWhere("d.status = 'pending'")
          .andWhere('w.active = :active', { active: true })
          .orderBy('d.nextAttemptAt', 'ASC')
          .limit(limit)
          .getMany(),
      handle: async (due) => {
        const { token, claimed } = await this.claim(due, now);
        await this.attemptAll(claimed, token);
        return claimed.length;
      },
    });
  }

  private async claim(due: WebhookDelivery[], now: Date) {
    const token = randomUUID();
    await this.deliveries
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set({
        leaseToken: token,
        nextAttemptAt: new Date(now.getTime() + this.settings.leaseMs),
        attempts: () => 'attempts + 1',
      })
      .where('id IN (:...ids)', { ids: due.map((d) => d.id) })
      .andWhere("status = 'pending'")
      .andWhere('next_attempt_at <= :now', { now })
      .execute();
    // Only the rows this UPDATE won carry the token.
    const claimed = await this.deliveries.find({ where: { leaseToken: token } });
    return { token, claimed };
  }

  private async attemptAll(claimed: WebhookDelivery[], token: string): Promise<void> {
    if (claimed.length === 0) return;
    const hooks = await this.webhooks.find({
      select: { id: true, url: true, secret: true },
      where: { id: In([...new Set(claimed.map((d) => d.webhookId))]) },
    });
    const events = await this.events.find({ where: { id: In(claimed.map((d) => d.eventId)) } });
    const hookById = new Map(hooks.map((h) => [h.id, h]));
    const eventById = new Map(events.map((e) => [e.id, e]));
    await Promise.all(
      claimed.map((delivery) => {
        const hook = hookById.get(delivery.webhookId);
        const event = eventById.get(delivery.eventId);
        // Deleted since the claim: the cascade removed the delivery too.
        if (!hook || !event) return Promise.resolve();
        return this.attempt(delivery, hook, event, token).catch((error: unknown) => {
          // The lease runs out and another pass retries it.
          this.logger.error(`Webhook delivery ${delivery.id} failed: ${(error as Error).message}`);
        });
      }),
    );
  }

  private async attempt(
    delivery: WebhookDelivery,
    hook: Webhook,
    event: TicketEvent,
    token: string,
  ): Promise<void> {
    const body = webhookBody(delivery, event);
    const sentAt = this.clock.now();
    const id = String(event.id);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': new Signer(hook.secret).sign(id, sentAt, body),
    };
    const result = await sendWebhook(new URL(hook.url), headers, body, this.settings);
    await this.record(delivery, hook, token, sentAt, result);
  }

  private async record(
    delivery: WebhookDelivery,
    hook: Webhook,
    token: string,
    sentAt: Date,
    result: SendResult,
  ): Promise<void> {
    const now = this.clock.now();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const retryAt = ok
      ? null
      : nextRetryAt(delivery.firstDueAt.getTime(), now.getTime(), delivery.attempts, Math.random());
    const status = ok ? 'delivered' : retryAt === null ? 'failed' : 'pending';
    const written = await this.deliveries.update(
      { id: delivery.id, leaseToken: token },
      {
        status,
        leaseToken: null,
        nextAttemptAt: retryAt === null ? null : new Date(retryAt),
        lastStatusCode: result.statusCode,
        lastAttemptAt: sentAt,
        responseExcerpt: result.excerpt,
      },
    );
    if (!written.affected) return; // the lease ran out and another relay owns it now
    this.metrics.attempted(ok ? 'delivered' : status === 'failed' ? 'failed' : 'retry');
    if (ok) {
      await this.webhooks.update(
        { id: hook.id, failingSince: Not(IsNull()) },
        { failingSince: null },
      );
      return;
    }
    await this.webhooks.update({ id: hook.id, failingSince: IsNull() }, { failingSince: sentAt });
    await this.disableIfFailingForADay(hook.id, now);
  }

  /**
   * A webhook whose attempts have all failed for 24 h is turned off, by one instance (the
   * conditional update), and the system's action is audited in the same transaction.
   */
  private async disableIfFailingForADay(id: number, now: Date): Promise<void> {
    const disabled = await this.transactions.run(async (manager) => {
      const result = await manager.update(
        Webhook,
        { id, active: true, failingSince: LessThanOrEqual(new Date(now.getTime() - DAY_MS)) },
        { active: false, updatedAt: now },
      );
      if (!result.affected) return false;
      await this.audit.record(manager, {
        actor: null,
        action: 'webhook.disabled',
        target: `webhook:${id}`,
        before: { active: true },
        after: { active: false, reason: 'every attempt failed for 24 h' },
      });
      return true;
    });
    if (disabled) this.logger.warn(`Webhook ${id} disabled after failing for 24 h`);
  }
}
