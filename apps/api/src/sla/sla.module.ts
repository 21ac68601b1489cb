import { Global, Module } from '@nestjs/common';

import { SlaService } from './sla.service';

/** Global: every write that changes a ticket's SLA facts refreshes its SLA columns. */
@Global()
@Module({ providers: [SlaService], exports: [SlaService] })
export class SlaModule {}
