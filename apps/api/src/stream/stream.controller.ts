import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { StreamEventDto } from './dto/stream-event.dto';
import { StreamQuery } from './dto/stream.query';
import { StreamService } from './stream.service';

const EVENT_STREAM = 'text/event-stream';

@ApiTags('stream')
@ApiBearerAuth()
@ApiExtraModels(StreamEventDto)
@Controller('stream')
export class StreamController {
  constructor(private readonly stream: StreamService) {}

  @Get()
  @ApiOperation({
    summary: 'Live ticket events the caller may see, as server-sent events',
    description:
      'Each event is `id: <event id>` and `data: <StreamEvent JSON>`; a comment line comes every ' +
      '15 s. Reporters get only their own tickets, never internal events. `Last-Event-ID` (or ' +
      '`?last_event_id=`) first replays what came after that event, up to 24 h back. At most 5 ' +
      'open streams per user. The stream ends when the instance drains or the session ends: ' +
      'reconnect with the last id.',
  })
  @ApiProduces(EVENT_STREAM)
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id of the last event received; what came after it is replayed first',
    schema: { type: 'integer', minimum: 0 },
  })
  @ApiOkResponse({
    description: `A never-ending ${EVENT_STREAM}; each \`data:\` line is a StreamEvent`,
    content: {
      [EVENT_STREAM]: {
        schema: {
          type: 'string',
          description: `Server-sent events; data: ${getSchemaPath(StreamEventDto)}`,
          example: 'id: 7\ndata: {"type":"ticket.created","ticket_id":42,…}\n\n',
        },
      },
    },
  })
  @ApiProblems(400, 429)
  open(
    @CurrentUser() user: AuthUser,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query() query: StreamQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.stream.open(user, lastEventId, query.last_event_id, reply);
  }
}
