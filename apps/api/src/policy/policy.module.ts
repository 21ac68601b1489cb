import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '../audit/audit.module';
import { WEIGHTS_PREVIEW, type WeightsPreview } from '../learning/weights-preview';
import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { Ticket } from '../tickets/ticket.entity';
import { TicketsModule } from '../tickets/tickets.module';
import { PolicyController } from './policy.controller';
import { PolicyPreviewService } from './policy-preview.service';
import { PolicyRescoreService } from './policy-rescore.service';
import { PolicyService } from './policy.service';
import { PolicyVersion } from './policy-version.entity';

/**
 * Administration of the priority policy (docs/administration.md): versions, activation and the
 * re-score it starts, and the what-if preview. Global only to lend its preview to
 * POST /admin/policy/learn (WEIGHTS_PREVIEW).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([PolicyVersion, Ticket]),
    AuditModule,
    TicketEventsModule,
    TicketsModule,
  ],
  controllers: [PolicyController],
  providers: [
    PolicyService,
    PolicyPreviewService,
    PolicyRescoreService,
    {
      provide: WEIGHTS_PREVIEW,
      inject: [PolicyPreviewService],
      useFactory: (previews: PolicyPreviewService): WeightsPreview => ({
        preview: (weights) => previews.previewWeights(weights),
      }),
    },
  ],
  exports: [WEIGHTS_PREVIEW, PolicyRescoreService],
})
export class PolicyModule {}
