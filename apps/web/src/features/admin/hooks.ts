import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import * as admin from '../../api/admin';
import type { OrganizationUpdate, UserQuery, UserUpdate } from '../../api/types';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  organizations: ['admin', 'organizations'] as const,
  audit: ['admin', 'audit'] as const,
};

export function useUsers(query: UserQuery) {
  return useQuery({
    queryKey: [...adminKeys.users, query],
    queryFn: ({ signal }) => admin.listUsers(query, signal),
  });
}

export function useOrganizations() {
  return useQuery({
    queryKey: adminKeys.organizations,
    queryFn: ({ signal }) => admin.listOrganizations(signal),
    staleTime: 30_000,
  });
}

/** After any admin change the users, organisations and the trail may all show it. */
function useInvalidateAdmin() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['admin'] });
}

export function useInviteUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: admin.inviteUser, onSuccess: invalidate });
}

export function useReinviteUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: admin.reinviteUser, onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdate & { id: number }) => admin.updateUser(id, body),
    onSuccess: invalidate,
  });
}

export function useCreateOrganization() {
  const invalidate = useInvalidateAdmin();
  return useMutation({ mutationFn: admin.createOrganization, onSuccess: invalidate });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: ({ id, ...body }: OrganizationUpdate & { id: number }) =>
      admin.updateOrganization(id, body),
    onSuccess: invalidate,
  });
}

export function useAuditTrail() {
  return useInfiniteQuery({
    queryKey: [...adminKeys.audit, 'entries'],
    queryFn: ({ pageParam, signal }) => admin.listAudit(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useAuditVerify() {
  return useQuery({
    queryKey: [...adminKeys.audit, 'verify'],
    queryFn: ({ signal }) => admin.verifyAudit(signal),
  });
}
