import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { AgingService } from './aging.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket]), TicketEventsModule, TicketsModule],
  providers: [AgingService],
  exports: [AgingService],
})
export class AgingModule {}
