import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { TicketsModule } from '../tickets/tickets.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';
import { TicketComment } from './ticket-comment.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TicketComment]), TicketsModule, TicketEventsModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
