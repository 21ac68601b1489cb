import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

import type { TicketEventType } from './ticket-event.entity';

/** A history entry as stored, handed to listeners once its transaction has committed. */
export interface RecordedEvent {
  id: number;
  ticketId: number;
  type: TicketEventType;
  internal: boolean;
  at: Date;
  data: Record<string, unknown>;
}

export type CommittedListener = (events: RecordedEvent[]) => void;

/**
 * "After commit" for the history: `TicketEventsService.record` stages what it wrote on the
 * transaction's query runner, and listeners (the live stream) hear of it only once the
 * outermost transaction has committed. A rollback drops what was staged, so nobody is ever
 * told of a change that did not happen. A write outside a transaction is committed already.
 */
@Injectable()
export class CommittedEvents implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(CommittedEvents.name);
  private readonly pending = new WeakMap<QueryRunner, RecordedEvent[]>();
  private readonly listeners = new Set<CommittedListener>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Registers `listener`; returns the way to unregister it. */
  onCommitted(listener: CommittedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stage(manager: EntityManager, events: RecordedEvent[]): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.emit(events);
    const staged = this.pending.get(runner);
    if (staged) staged.push(...events);
    else this.pending.set(runner, [...events]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint: the outer transaction can still roll back.
    if (runner.isTransactionActive) return;
    const staged = this.pending.get(runner);
    this.pending.delete(runner);
    if (staged) this.emit(staged);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // No history is recorded inside savepoints here; any rollback drops the whole batch.
    this.pending.delete(event.queryRunner);
  }

  private emit(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.logger.error(`a committed-event listener failed: ${(error as Error).message}`);
      }
    }
  }
}
