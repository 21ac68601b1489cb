import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TicketEvent } from './ticket-event.entity';
import { TicketEventsService } from './ticket-events.service';

@Module({
  imports: [TypeOrmModule.forFeature([TicketEvent])],
  providers: [TicketEventsService],
  exports: [TicketEventsService],
})
export class TicketEventsModule {}
