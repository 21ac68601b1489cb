import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { OrganizationsModule } from '../organizations/organizations.module';
import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { User } from '../users/user.entity';
import { Ticket } from './ticket.entity';
import { TicketImportService } from './ticket-import.service';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketQueueService } from './ticket-queue.service';
import { TicketTotals } from './ticket-totals';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, User]), TicketEventsModule, OrganizationsModule],
  controllers: [TicketsController],
  providers: [
    TicketsService,
    TicketQueueService,
    TicketLifecycleService,
    TicketImportService,
    TicketTotals,
  ],
  exports: [TicketTotals, TicketsService],
})
export class TicketsModule {}
