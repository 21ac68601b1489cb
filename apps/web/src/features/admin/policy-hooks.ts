import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

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

/**
 * Every version, a page at a time ("Load older versions"); a next page exists while fewer than
 * `total` have been loaded. A save or an activation refetches from the first page.
 */
export function usePolicyVersions() {
  return useInfiniteQuery({
    queryKey: policyKeys.versions,
    queryFn: ({ pageParam, signal }) => policy.listPolicyVersions(pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.versions.length, 0);
      return last.versions.length > 0 && loaded < last.total ? last.page + 1 : undefined;
    },
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
