import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

import { CommittedEvents, type RecordedEvent } from '../ticket-events/committed-events';
import { StreamBus } from './stream-bus';
import { StreamHistory } from './stream-history';

/** Puts every committed history entry on the bus, with the ticket's reporter for visibility. */
@Injectable()
export class StreamPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StreamPublisher.name);
  private unsubscribe?: () => void;
  /** Publishes in commit order: each batch waits for the one before. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly committed: CommittedEvents,
    private readonly history: StreamHistory,
    private readonly bus: StreamBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.committed.onCommitted((events) => {
      this.tail = this.tail.then(() => this.publish(events));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async publish(events: RecordedEvent[]): Promise<void> {
    try {
      const creators = await this.history.creatorsOf(events.map((event) => event.ticketId));
      this.bus.publish(
        events
          .filter((event) => creators.has(event.ticketId))
          .map((event) => ({
            id: event.id,
            ticketId: event.ticketId,
            type: event.type,
            internal: event.internal,
            createdBy: creators.get(event.ticketId)!,
            at: event.at.toISOString(),
            data: event.data,
          })),
      );
    } catch (error) {
      // Streams that missed it find it by replay when they reconnect.
      this.logger.warn(`could not publish ${events.length} events: ${(error as Error).message}`);
    }
  }
}
