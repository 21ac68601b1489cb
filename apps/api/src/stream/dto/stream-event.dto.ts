import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';
import { TICKET_EVENT_TYPES, type TicketEventType } from '../../ticket-events/ticket-event.entity';
import { STREAM_EVENT_TYPES, type StreamEventType } from '../stream-events';

/** The JSON of one `data:` line of GET /stream (the `id:` line carries `event_id`). */
export class StreamEventDto {
  @ApiEnum(STREAM_EVENT_TYPES, { example: 'ticket.level_raised' })
  type: StreamEventType;

  @ApiInteger({ example: 42 })
  ticket_id: number;

  @ApiTimestamp()
  at: string;

  @ApiInteger({ description: 'The history entry this is; also the `id:` line.', example: 7 })
  event_id: number;

  @ApiEnum(TICKET_EVENT_TYPES, {
    description: 'The history entry type, as GET /tickets/{id}/events shows it',
    example: 'level_raised',
  })
  event: TicketEventType;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The entry's `data`, as GET /tickets/{id}/events shows it",
  })
  details: Record<string, unknown>;
}
