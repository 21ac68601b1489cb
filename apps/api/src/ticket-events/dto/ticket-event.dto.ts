import type { TicketEvent, TicketEventType } from '../ticket-event.entity';

export class TicketEventDto {
  /** @example 7 */
  id: number;
  /** @example "level_raised" */
  type: TicketEventType;
  /** @example "2026-01-01T12:00:00.000Z" */
  at: string;
  /**
   * Username of whoever caused it, or `system` for aging.
   * @example "system"
   */
  actor: string;
  /** Id of that user; null for the system. */
  actor_id: number | null;
  /**
   * created: `inputs`, `weights`, `score`, `level`; level_raised: `from`, `to`, `score_from`,
   * `score_to`; status_changed: `from`, `to`; assigned: `from`, `to` (user ids, null when
   * unassigned); claimed: none; retriaged: `changes` ({field: [from, to]}), `score_from`,
   * `score_to`, `level_from`, `level_to`; commented: `comment_id`, `internal`;
   * priority_overridden: `from`, `to`, `reason`; override_cleared: `level`. Reporters never see
   * assigned, claimed, priority_overridden, override_cleared, nor internal comments.
   */
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
