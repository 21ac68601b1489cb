import { api, unwrap } from './client';
import type { PolicyCandidate, PolicyWeights, SlaPolicy } from './types';

// Admins only: the priority policy (weights and SLA targets, versioned) and learning from labels.

export const getPolicy = (signal?: AbortSignal) => unwrap(api.GET('/admin/policy', { signal }));

export const listPolicyVersions = (signal?: AbortSignal) =>
  unwrap(api.GET('/admin/policy/versions', { params: { query: { limit: 100 } }, signal }));

export const savePolicy = (body: { weights: PolicyWeights; sla: SlaPolicy; reason: string }) =>
  unwrap(api.PUT('/admin/policy', { body }));

export const activatePolicyVersion = (version: number, reason: string) =>
  unwrap(
    api.POST('/admin/policy/versions/{version}/activate', {
      params: { path: { version } },
      body: { reason },
    }),
  );

export const previewPolicy = (body: PolicyCandidate) =>
  unwrap(api.POST('/admin/policy/preview', { body }));

export const learnPolicy = () => unwrap(api.POST('/admin/policy/learn'));
