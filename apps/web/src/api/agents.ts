import { api, unwrap } from './client';
import type { AgentUpdate } from './types';

// Agents and admins: who can take work, their availability, capacity and load.

export const listAgents = (signal?: AbortSignal) => unwrap(api.GET('/agents', { signal }));

export const updateAgent = (id: number, body: AgentUpdate) =>
  unwrap(api.PATCH('/agents/{id}', { params: { path: { id } }, body }));
