import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { User } from '../users/user.entity';
import { CommittedEvents } from './committed-events';
import { TicketEvent } from './ticket-event.entity';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { TicketEventsService } from './ticket-events.service';

@Module({
  imports: [TypeOrmModule.forFeature([TicketEvent, User])],
  providers: [TicketEventsService, WebhookOutbox, CommittedEvents],
  exports: [TicketEventsService, CommittedEvents],
})
export class TicketEventsModule {}
