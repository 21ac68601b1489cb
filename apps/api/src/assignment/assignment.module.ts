import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { TicketsModule } from '../tickets/tickets.module';
import { User } from '../users/user.entity';
import { AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';
import { AutoAssignmentService } from './auto-assignment.service';
import { ClaimController } from './claim.controller';
import { ClaimService } from './claim.service';

/** Who works which ticket: claim-next, agents' settings, and auto-assignment. */
@Module({
  imports: [TypeOrmModule.forFeature([User]), TicketsModule, TicketEventsModule],
  controllers: [ClaimController, AgentsController],
  providers: [ClaimService, AgentsService, AutoAssignmentService],
  exports: [AutoAssignmentService],
})
export class AssignmentModule {}
