/** An agent as auto-assignment sees them: how much they hold against how much they may hold. */
export interface AgentLoad {
  id: number;
  /** Active tickets assigned to them now. */
  open: number;
  /** Most active tickets they may hold at once. */
  capacity: number;
  /** When they were last given a ticket; null if never. */
  lastAssignedAt: Date | null;
}

const hasRoom = (agent: AgentLoad) => agent.open < agent.capacity;

/** Negative when `a` should get the next ticket before `b`. */
export function compareAgents(a: AgentLoad, b: AgentLoad): number {
  // Lowest open / capacity first, compared without division (both capacities are > 0 here).
  const load = a.open * b.capacity - b.open * a.capacity;
  if (load !== 0) return load;
  const lastA = a.lastAssignedAt?.getTime() ?? -Infinity;
  const lastB = b.lastAssignedAt?.getTime() ?? -Infinity;
  if (lastA !== lastB) return lastA < lastB ? -1 : 1;
  return a.id - b.id;
}

/**
 * The agent with the most spare capacity (lowest share of their capacity in use); ties go to
 * the one assigned least recently (never assigned first), then the lowest id. Null when
 * nobody has room: an agent at capacity gets nothing.
 */
export function pickAgent(agents: readonly AgentLoad[]): AgentLoad | null {
  let best: AgentLoad | null = null;
  for (const agent of agents) {
    if (hasRoom(agent) && (best === null || compareAgents(agent, best) < 0)) best = agent;
  }
  return best;
}
