import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

import { CanonicalInt, MAX_ID } from '../../common/canonical-int';

export class StreamQuery {
  /**
   * For clients that cannot send the `Last-Event-ID` header: replay what came after this event
   * (up to 24 h back). The header wins when both are sent.
   */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_ID, example: 1234 })
  @IsOptional()
  @CanonicalInt()
  @IsInt()
  @Min(0)
  @Max(MAX_ID)
  last_event_id?: number;
}
