import type { PriorityLevel, TicketStatus } from '../api/types';
import { statusLabel } from './format';

export const LEVELS: readonly PriorityLevel[] = ['P0', 'P1', 'P2', 'P3'];

/** The level as text on a colour: never colour alone. */
export function LevelBadge({ level, large = false }: { level: PriorityLevel; large?: boolean }) {
  return (
    <span className={`badge level-${level.toLowerCase()}${large ? ' large' : ''}`}>{level}</span>
  );
}

export function StatusPill({ status }: { status: TicketStatus }) {
  return <span className={`status-pill status-${status}`}>{statusLabel(status)}</span>;
}
