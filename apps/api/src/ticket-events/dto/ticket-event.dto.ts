import type { TicketEvent, TicketEventType } from '../ticket-event.entity';

export class TicketEventDto {
  /** @example 7 */
  id: number;
  /** @example "level_raised" */
  type: TicketEventType;
  /** @example "2026-01-01T12:00:00.000Z" */
  at: string;
  /**
   * Username of whoever caused it, or `system` for aging. Reporters see their own name and,
   * for staff, only the role: `Support agent` or `Admin`.
   * @example "system"
   */
  actor: string;
  /** Id of that user; null for the system, and for staff when a reporter asks. */
  actor_id: number | null;
  /**
   * created: `inputs`, `weights`, `score`, `level`; level_raised: `from`, `to`, `score_from`,
   * `score_to`; status_changed: `from`, `to`.
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
