import { api, unwrap } from './client';
import type { NewOrganization, NewUser, OrganizationUpdate, UserQuery, UserUpdate } from './types';

// Admins only: users and invitations, organisations, the audit trail.

export const listUsers = (query: UserQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/users', { params: { query }, signal }));

export const inviteUser = (body: NewUser) => unwrap(api.POST('/users', { body }));

export const reinviteUser = (id: number) =>
  unwrap(api.POST('/users/{id}/invitation', { params: { path: { id } } }));

export const updateUser = (id: number, body: UserUpdate) =>
  unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body }));

export const listOrganizations = (signal?: AbortSignal) =>
  unwrap(api.GET('/admin/organizations', { params: { query: { limit: 100 } }, signal }));

export const createOrganization = (body: NewOrganization) =>
  unwrap(api.POST('/admin/organizations', { body }));

export const updateOrganization = (id: number, body: OrganizationUpdate) =>
  unwrap(api.PATCH('/admin/organizations/{id}', { params: { path: { id } }, body }));

export const listAudit = (cursor: string | undefined, signal?: AbortSignal) =>
  unwrap(api.GET('/admin/audit', { params: { query: { cursor, limit: 50 } }, signal }));

export const verifyAudit = (signal?: AbortSignal) =>
  unwrap(api.GET('/admin/audit/verify', { signal }));
