import { ApiProperty } from '@nestjs/swagger';

import type { Role } from '../../users/user.entity';

export class AgentDto {
  /** @example 3 */
  @ApiProperty({ type: 'integer' })
  id: number;
  /** @example "alice" */
  username: string;
  /** @example "agent" */
  role: Role;
  /** Takes auto-assigned work (agents start available, admins unavailable). */
  available: boolean;
  /**
   * Most active tickets auto-assignment gives them at once (default `AGENT_DEFAULT_CAPACITY`).
   * @example 10
   */
  @ApiProperty({ type: 'integer', minimum: 0 })
  capacity: number;
  /** Their assigned tickets that are active (open, in progress or another live status). @example 4 */
  @ApiProperty({ type: 'integer', minimum: 0 })
  open_assigned: number;
  /** When they were last given a ticket; null if never. */
  last_assigned_at: string | null;
}
