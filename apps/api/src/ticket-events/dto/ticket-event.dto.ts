import { ApiProperty } from '@nestjs/swagger';

import { ApiEnum, ApiInteger, ApiTimestamp } from '../../common/api-fields';
import { TICKET_EVENT_TYPES, type TicketEvent, type TicketEventType } from '../ticket-event.entity';

export class TicketEventDto {
  @ApiInteger({ example: 7 })
  id: number;

  @ApiEnum(TICKET_EVENT_TYPES, { example: 'level_raised' })
  type: TicketEventType;

  @ApiTimestamp()
  at: string;

  @ApiProperty({
    description:
      'Username of whoever caused it, or `system` for aging. Reporters see their own name and, ' +
      'for staff, only the role: `Support agent` or `Admin`.',
    example: 'system',
  })
  actor: string;

  @ApiInteger({
    nullable: true,
    description: 'Id of that user; null for the system, and for staff when a reporter asks.',
  })
  actor_id: number | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'created: `inputs`, `weights`, `score`, `level`; level_raised: `from`, `to`, ' +
      '`score_from`, `score_to`; status_changed: `from`, `to`; assigned: `from`, `to` (user ' +
      'ids, null when unassigned); claimed: none; retriaged: `changes` ({field: [from, to]}), ' +
      '`score_from`, `score_to`, `level_from`, `level_to`; commented: `comment_id`, `internal`; ' +
      'priority_overridden: `from`, `to`, `reason`; override_cleared: `level`; policy_rescored: ' +
      '`from`, `to`, `version` (the policy version). Reporters never ' +
      'see assigned, claimed, priority_overridden, override_cleared, nor internal comments.',
  })
  data: Record<string, unknown>;

  static from(event: TicketEvent): TicketEventDto {
    return {
      id: event.id,
      type: event.type,
      at: event.createdAt.toISOString(),
      actor: event.actor,
      actor_id: event.actorId,
      data: JSON.parse(event.data) as Record<string, unknown>,
    };
  }
}
