import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import * as agents from '../../api/agents';
import type { AgentUpdate } from '../../api/types';

export const agentKeys = { all: ['agents'] as const };

/** Every active agent and admin (agents and admins only: reporters never ask). */
export function useAgents(enabled = true) {
  return useQuery({
    queryKey: agentKeys.all,
    queryFn: ({ signal }) => agents.listAgents(signal),
    enabled,
    staleTime: 30_000,
  });
}

export function useUpdateAgent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...update }: AgentUpdate & { id: number }) => agents.updateAgent(id, update),
    onSuccess: () => client.invalidateQueries({ queryKey: agentKeys.all }),
  });
}
