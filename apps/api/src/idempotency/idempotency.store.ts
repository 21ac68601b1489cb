import {
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import { IdempotencyKey } from './idempotency-key.entity';
import { inTransaction, installTransactionScope } from './transaction-scope';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface IdempotentRequest {
  userId: number;
  keyHash: string;
  requestHash: string;
}

export interface IdempotentOutcome {
  body: unknown;
  replayed: boolean;
}

const isDeadlock = (error: unknown) =>
  (error as { driverError?: { code?: string } })?.driverError?.code === 'ER_LOCK_DEADLOCK';

/**
 * On MySQL the claim, the handler's writes and the stored response share one transaction:
 * a failed request leaves no trace, and a second request with the same key waits on the
 * unique index until the first commits, then replays it. SQLite has a single connection
 * shared by all requests, so there the claim is committed first and removed on failure.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnModuleDestroy {
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    installTransactionScope(this.dataSource);
    this.purgeTimer = setInterval(() => void this.purgeExpired(), PURGE_EVERY_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  async execute(request: IdempotentRequest, run: () => Promise<unknown>) {
    const earlier = await this.findLive(request);
    if (earlier) return this.replay(earlier, request);
    try {
      return this.dataSource.options.type === 'mysql'
        ? await inTransaction(this.dataSource, (runner) =>
            this.claimAndRun(runner.manager, request, run),
          )
        : await this.claimAndRunUntransacted(request, run);
    } catch (error) {
      if (!isUniqueViolation(error) && !isDeadlock(error)) throw error;
      const winner = await this.findLive(request);
      if (!winner) {
        throw new ConflictException('A request with this Idempotency-Key is in progress.');
      }
      return this.replay(winner, request);
    }
  }

  private async claimAndRun(
    manager: EntityManager,
    request: IdempotentRequest,
    run: () => Promise<unknown>,
  ): Promise<IdempotentOutcome> {
    const claim = await this.claim(manager, request);
    const body = await run();
    await this.complete(manager, claim, body);
    return { body, replayed: false };
  }

  private async claimAndRunUntransacted(
    request: IdempotentRequest,
    run: () => Promise<unknown>,
  ): Promise<IdempotentOutcome> {
    const manager = this.dataSource.manager;
    const claim = await this.claim(manager, request);
    try {
      const body = await run();
      await this.complete(manager, claim, body);
      return { body, replayed: false };
    } catch (error) {
      await manager.delete(IdempotencyKey, { id: claim.id }).catch(() => undefined);
      throw error;
    }
  }

  private async claim(manager: EntityManager, request: IdempotentRequest) {
    const now = this.clock.now();
    const claim = manager.create(IdempotencyKey, {
      ...request,
      statusCode: null,
      responseBody: null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    });
    await manager.insert(IdempotencyKey, claim);
    return claim;
  }

  private async complete(manager: EntityManager, claim: IdempotencyKey, body: unknown) {
    await manager.update(
      IdempotencyKey,
      { id: claim.id },
      { statusCode: 201, responseBody: JSON.stringify(body) },
    );
  }

  private async findLive(request: IdempotentRequest): Promise<IdempotencyKey | null> {
    const row = await this.dataSource.manager.findOneBy(IdempotencyKey, {
      userId: request.userId,
      keyHash: request.keyHash,
    });
    if (!row || row.expiresAt > this.clock.now()) return row;
    await this.dataSource.manager.delete(IdempotencyKey, { id: row.id });
    return null;
  }

  private replay(row: IdempotencyKey, request: IdempotentRequest): IdempotentOutcome {
    if (row.requestHash !== request.requestHash) {
      throw new UnprocessableEntityException(
        'This Idempotency-Key was already used with a different request.',
      );
    }
    if (row.statusCode === null || row.responseBody === null) {
      const error = new ConflictException('A request with this Idempotency-Key is in progress.');
      Object.assign(error, { headers: { 'retry-after': '1' } });
      throw error;
    }
    return { body: JSON.parse(row.responseBody) as unknown, replayed: true };
  }

  private async purgeExpired(): Promise<void> {
    try {
      await this.dataSource.manager.delete(IdempotencyKey, {
        expiresAt: LessThanOrEqual(this.clock.now()),
      });
    } catch {
      // The database is down; the next run catches up.
    }
  }
}
