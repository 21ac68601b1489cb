import type { SlaLevel } from '@app/sla';

export class SlaMetricDto {
  /** The target of the level in force, in minutes of its calendar. @example 60 */
  target_minutes: number;
  /**
   * When the target falls due, counted from `created_at`; null while the ticket is pending and
   * the target is not met (the resolution clock is paused).
   * @example "2026-01-01T13:00:00.000Z"
   */
  due_at: string | null;
  /** `first_response_at` / the first `resolved_at`; null until then. */
  met_at: string | null;
  /** True once now (or `met_at`) is past `due_at`. */
  breached: boolean;
  /**
   * Whole working minutes left, rounded toward zero; negative once breached, null once met,
   * frozen while paused. @example 12
   */
  remaining_minutes: number | null;
}

export class TicketSlaDto {
  /** The level whose targets apply (the level in force). @example "P1" */
  level: SlaLevel;
  /** True while the ticket is pending (waiting on the customer). */
  paused: boolean;
  first_response: SlaMetricDto;
  resolution: SlaMetricDto;
}
