import { lazy, type ComponentType } from 'react';

import type { Role } from './api/types';
import { ADMIN_ROUTES } from './features/admin/admin-routes';
import { RegisterPage } from './features/auth/register-page';
import { SetupPage } from './features/auth/setup-page';
import { SignInPage } from './features/auth/sign-in-page';
import MyTicketsPage, { MY_TICKETS_PATH, QueuePage } from './features/tickets/queue-page';

const STAFF: readonly Role[] = ['agent', 'admin'];

/**
 * Every page of the console. To add one (claim next, comments, SLA, admin, reports, a live
 * stream): put it in `features/<feature>/`, add a line here (lazy when it is heavy), and give
 * it a `nav` label if it belongs in the header. docs/web-ui.md walks through it.
 */
export interface RouteDef {
  path: string;
  page: ComponentType;
  /** `public` pages are for signed-out users; the others show sign-in in place until then. */
  access: 'public' | 'signed-in';
  /** Only these roles see the page (and its nav entry); everyone signed in when unset. */
  roles?: readonly Role[];
  nav?: string;
}

export const ROUTES: readonly RouteDef[] = [
  { path: '/', page: QueuePage, access: 'signed-in', nav: 'Queue' },
  {
    path: MY_TICKETS_PATH,
    page: MyTicketsPage,
    access: 'signed-in',
    roles: STAFF,
    nav: 'My tickets',
  },
  {
    path: '/tickets/new',
    page: lazy(() => import('./features/tickets/new-ticket-page')),
    access: 'signed-in',
    nav: 'New ticket',
  },
  {
    path: '/tickets/:id',
    page: lazy(() => import('./features/tickets/ticket-page')),
    access: 'signed-in',
  },
  {
    path: '/agents',
    page: lazy(() => import('./features/agents/agents-page')),
    access: 'signed-in',
    roles: STAFF,
    nav: 'Agents',
  },
  {
    path: '/reports',
    page: lazy(() => import('./features/reports/reports-page')),
    access: 'signed-in',
    roles: ['agent', 'admin'],
    nav: 'Reports',
  },
  { path: '/signin', page: SignInPage, access: 'public' },
  { path: '/register', page: RegisterPage, access: 'public' },
  // Administration (users, organisations, audit trail) and the invited user's setup page.
  ...ADMIN_ROUTES,
  { path: '/setup', page: SetupPage, access: 'public' },
];
