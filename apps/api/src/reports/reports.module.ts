import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { Organization } from '../organizations/organization.entity';
import { Ticket } from '../tickets/ticket.entity';
import { User } from '../users/user.entity';
import { ReportCompactionService } from './report-compaction.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { TicketExportController } from './ticket-export.controller';
import { TicketExportService } from './ticket-export.service';

@Module({
  imports: [TypeOrmModule.forFeature([Ticket, User, Organization])],
  controllers: [ReportsController, TicketExportController],
  providers: [ReportsService, TicketExportService, ReportCompactionService],
})
export class ReportsModule {}
