import { api, unwrap } from './client';
import type { PolicyCandidate, PolicyWeights, SlaPolicy } from './types';

// Admins only: the priority policy (weights and SLA targets, versioned) and learning from labels.

export const getPolicy = (signal?: AbortSignal) => unwrap(api.GET('/admin/policy', { signal }));

/** Versions per request: the most the API serves in one page. */
export const VERSIONS_PAGE_SIZE = 100;

/** One page of the versions, newest first; pages start at 1. */
export const listPolicyVersions = (page: number, signal?: AbortSignal) =>
  unwrap(
    api.GET('/admin/policy/versions', {
      params: { query: { page, limit: VERSIONS_PAGE_SIZE } },
      signal,
    }),
  );

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
