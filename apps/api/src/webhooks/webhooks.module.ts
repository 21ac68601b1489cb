import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '../audit/audit.module';
import { TicketEvent } from '../ticket-events/ticket-event.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookMetrics } from './webhook-metrics';
import { WebhookRelayService } from './webhook-relay.service';
import { Webhook } from './webhook.entity';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/**
 * Signed webhooks: the admin API and the relay. The outbox rows are written by
 * TicketEventsService (through WebhookOutbox) in the transaction of each change.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Webhook, WebhookDelivery, TicketEvent]),
    AuditModule,
    TicketsModule,
  ],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookRelayService, WebhookMetrics],
  exports: [WebhookRelayService],
})
export class WebhooksModule {}
