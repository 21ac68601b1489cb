import { lazy } from 'react';

import type { RouteDef } from '../../routes';

/** The administration pages: admins only, so agents and reporters never see them or their nav. */
export const ADMIN_ROUTES: readonly RouteDef[] = [
  {
    path: '/admin/users',
    page: lazy(() => import('./users-page')),
    access: 'signed-in',
    roles: ['admin'],
    nav: 'Users',
  },
  {
    path: '/admin/organizations',
    page: lazy(() => import('./organizations-page')),
    access: 'signed-in',
    roles: ['admin'],
    nav: 'Organisations',
  },
  {
    path: '/admin/audit',
    page: lazy(() => import('./audit-page')),
    access: 'signed-in',
    roles: ['admin'],
    nav: 'Audit trail',
  },
  {
    path: '/admin/policy',
    page: lazy(() => import('./policy-page')),
    access: 'signed-in',
    roles: ['admin'],
    nav: 'Policy',
  },
];
