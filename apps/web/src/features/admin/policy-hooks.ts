import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import * as policy from '../../api/policy';

export const policyKeys = {
  active: ['admin', 'policy', 'active'] as const,
  versions: ['admin', 'policy', 'versions'] as const,
};

/** The version in force; polled while its re-score runs so the progress bar moves. */
export function useActivePolicy() {
  return useQuery({
    queryKey: policyKeys.active,
    queryFn: ({ signal }) => policy.getPolicy(signal),
    refetchInterval: (query) => (query.state.data?.rescore ? 2_000 : false),
  });
}

export function usePolicyVersions() {
  return useQuery({
    queryKey: policyKeys.versions,
    queryFn: ({ signal }) => policy.listPolicyVersions(signal),
  });
}

function useInvalidatePolicy() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['admin'] });
}

export function useSavePolicy() {
  const invalidate = useInvalidatePolicy();
  return useMutation({ mutationFn: policy.savePolicy, onSuccess: invalidate });
}

export function useActivateVersion() {
  const invalidate = useInvalidatePolicy();
  return useMutation({
    mutationFn: ({ version, reason }: { version: number; reason: string }) =>
      policy.activatePolicyVersion(version, reason),
    onSuccess: invalidate,
  });
}

export function usePreviewPolicy() {
  return useMutation({ mutationFn: policy.previewPolicy });
}

export function useLearnPolicy() {
  return useMutation({ mutationFn: policy.learnPolicy });
}
