import { Module } from '@nestjs/common';

import { SessionsModule } from '../auth/sessions/sessions.module';
import { TicketEventsModule } from '../ticket-events/ticket-events.module';
import { StreamBus } from './stream-bus';
import { StreamController } from './stream.controller';
import { StreamHistory } from './stream-history';
import { StreamPublisher } from './stream-publisher';
import { StreamService } from './stream.service';
import { StreamSlots } from './stream-slots';

/** GET /stream: committed ticket events, live, across instances through Redis when set. */
@Module({
  imports: [TicketEventsModule, SessionsModule],
  controllers: [StreamController],
  providers: [StreamBus, StreamSlots, StreamHistory, StreamPublisher, StreamService],
  exports: [StreamBus, StreamService],
})
export class StreamModule {}
