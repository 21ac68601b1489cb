import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { SlaCheckerService } from './sla-checker.service';
import { SlaMetrics } from './sla-metrics';
import { SlaPolicyWatch } from './sla-policy-watch';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket]), TicketEventsModule, TicketsModule],
  providers: [SlaCheckerService, SlaMetrics, SlaPolicyWatch],
  exports: [SlaCheckerService],
})
export class SlaCheckerModule {}
