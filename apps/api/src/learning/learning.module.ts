import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { TicketEvent } from '../ticket-events/ticket-event.entity';
import { Ticket } from '../tickets/ticket.entity';
import { IssueTypeModelService } from './issue-type-model.service';
import { IssueTypeSuggestionsController } from './issue-type-suggestions.controller';
import { IssueTypeSuggestionsService } from './issue-type-suggestions.service';
import { LearnedModel } from './learned-model.entity';
import { LearningLabels } from './learning-labels';
import { PolicyLearningController } from './policy-learning.controller';
import { PolicyLearningService } from './policy-learning.service';

/** Issue-type suggestions and weights learned from agents' corrections (docs/learning.md). */
@Module({
  imports: [TypeOrmModule.forFeature([LearnedModel, Ticket, TicketEvent])],
  controllers: [IssueTypeSuggestionsController, PolicyLearningController],
  providers: [
    LearningLabels,
    IssueTypeModelService,
    IssueTypeSuggestionsService,
    PolicyLearningService,
  ],
  exports: [IssueTypeModelService],
})
export class LearningModule {}
