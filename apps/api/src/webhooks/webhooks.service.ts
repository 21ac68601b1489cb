import { randomBytes } from 'node:crypto';

import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type EntityManager, type Repository } from 'typeorm';

import { Clock } from '../common/clock';
import type { AppConfig } from '../config';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Transactions } from '../database/transactions';
import { DueWorkRunner } from '../due-work/due-work.runner';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/create-webhook.dto';
import {
  DeliveryDto,
  type DeliveryPageDto,
  type ListDeliveriesQuery,
} from './dto/webhook-delivery.dto';
import { WebhookDto, type WebhookListDto, type WebhookWithSecretDto } from './dto/webhook.dto';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WEBHOOK_RELAY_JOB } from './webhook-relay.service';
import { RefusedTargetError, checkTarget } from './webhook-targets';
import { Webhook } from './webhook.entity';

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const INVALID_CURSOR = 'The cursor is not valid; start again without one.';

/** What administrators do with webhooks; the relay (webhook-relay.service.ts) sends. */
@Injectable()
export class WebhooksService {
  private readonly allowPrivate: boolean;

  constructor(
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly runner: DueWorkRunner,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.allowPrivate = config.get('webhooks', { infer: true }).allowPrivate;
  }

  async create(dto: CreateWebhookDto, admin: AuthUser): Promise<WebhookWithSecretDto> {
    await this.checkUrl(dto.url);
    const now = this.clock.now();
    const webhook = this.webhooks.create({
      url: dto.url,
      events: dto.events,
      active: dto.active ?? true,
      secret: newSecret(),
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.transactions.run(async (manager) => {
      await manager.insert(Webhook, webhook);
      await this.record(manager, admin, 'webhook.created', webhook.id, undefined, webhook);
    });
    return { ...WebhookDto.from(webhook), secret: webhook.secret };
  }

  async list(): Promise<WebhookListDto> {
    const rows = await this.webhooks.find({ order: { id: 'ASC' } });
    return { webhooks: rows.map(WebhookDto.from) };
  }

  async update(id: number, dto: UpdateWebhookDto, admin: AuthUser): Promise<WebhookDto> {
    if (dto.url === undefined && dto.events === undefined && dto.active === undefined) {
      throw new BadRequestException('Give url, events, active, or several of them.');
    }
    const webhook = await this.find(id);
    if (dto.url !== undefined && dto.url !== webhook.url) await this.checkUrl(dto.url);
    const changes: Partial<Webhook> = { ...dto, updatedAt: this.clock.now() };
    // Turned back on: the count of a day of failures starts again.
    if (dto.active && !webhook.active) changes.failingSince = null;
    const after = { ...webhook, ...changes };
    await this.transactions.run(async (manager) => {
      await manager.update(Webhook, id, changes);
      await this.record(manager, admin, 'webhook.updated', id, webhook, after);
    });
    return WebhookDto.from(after);
  }

  async remove(id: number, admin: AuthUser): Promise<void> {
    const webhook = await this.find(id);
    await this.transactions.run(async (manager) => {
      await manager.delete(WebhookDelivery, { webhookId: id });
      await manager.delete(Webhook, { id });
      await this.record(manager, admin, 'webhook.deleted', id, webhook, undefined);
    });
  }

  /** A new secret signs every attempt from now on, pending retries included. */
  async rotateSecret(id: number, admin: AuthUser): Promise<WebhookWithSecretDto> {
    const webhook = await this.find(id);
    const secret = newSecret();
    const updatedAt = this.clock.now();
    await this.transactions.run(async (manager) => {
      await manager.update(Webhook, id, { secret, updatedAt });
      await this.record(manager, admin, 'webhook.secret_rotated', id, undefined, undefined);
    });
    return { ...WebhookDto.from({ ...webhook, updatedAt }), secret };
  }

  /** Newest first, `limit` at a time; the cursor is the id after which to go on. */
  async listDeliveries(id: number, query: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    await this.find(id);
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const rows = await this.deliveries.find({
      where: before === undefined ? { webhookId: id } : { webhookId: id, id: LessThan(before) },
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const more = rows.length > query.limit;
    return {
      deliveries: page.map(DeliveryDto.from),
      next_cursor: more ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  /** Makes a delivery due now, with a fresh 24 h window; refused while an attempt runs. */
  async retry(id: number, deliveryId: number): Promise<DeliveryDto> {
    await this.find(id);
    const delivery = await this.deliveries.findOneBy({ id: deliveryId, webhookId: id });
    if (!delivery) throw new NotFoundException(`Delivery ${deliveryId} was not found.`);
    const now = this.clock.now();
    const changes = { status: 'pending' as const, nextAttemptAt: now, firstDueAt: now };
    const result = await this.deliveries
      .createQueryBuilder()
      .update(WebhookDelivery)
      .set(changes)
      .where('id = :id', { id: deliveryId })
      .andWhere('(lease_token IS NULL OR next_attempt_at <= :now)', { now })
      .execute();
    if (!result.affected) {
      throw new ConflictException('An attempt of this delivery is in progress; try again soon.');
    }
    this.runner.nudge(WEBHOOK_RELAY_JOB);
    return DeliveryDto.from({ ...delivery, ...changes });
  }

  /** The audit entry of an admin action; never the secret (its rotation is only named). */
  private record(
    manager: EntityManager,
    admin: AuthUser,
    action: string,
    id: number,
    before: Webhook | undefined,
    after: Webhook | undefined,
  ): Promise<void> {
    const facts = (w: Webhook | undefined) =>
      w && { url: w.url, events: w.events, active: w.active };
    return this.audit.record(manager, {
      actor: admin,
      action,
      target: `webhook:${id}`,
      before: facts(before),
      after: facts(after),
    });
  }

  private async find(id: number): Promise<Webhook> {
    const webhook = await this.webhooks.findOneBy({ id });
    if (!webhook) throw new NotFoundException(`Webhook ${id} was not found.`);
    return webhook;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkTarget(new URL(url), this.allowPrivate);
    } catch (error) {
      if (error instanceof RefusedTargetError) {
        throw new BadRequestException(`url: ${error.message}.`);
      }
      throw error;
    }
  }
}

function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify([id])).toString('base64url');
}

function decodeCursor(cursor: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestException(INVALID_CURSOR);
  }
  const id = Array.isArray(parsed) && parsed.length === 1 ? (parsed[0] as unknown) : undefined;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new BadRequestException(INVALID_CURSOR);
  }
  return id;
}
