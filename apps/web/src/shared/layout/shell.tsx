import type { ReactNode } from 'react';

import { ROUTES } from '../../routes';
import { Link, useLocation } from '../router';
import { useSession } from '../session/session-context';

function MainNav() {
  const { pathname } = useLocation();
  const { user } = useSession();
  const entries = ROUTES.filter(
    (route) => route.nav && (!route.roles || (user && route.roles.includes(user.role))),
  );
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {entries.map((route) => (
          <li key={route.path}>
            <Link to={route.path} aria-current={pathname === route.path ? 'page' : undefined}>
              {route.nav}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UserArea() {
  const { user, session } = useSession();
  if (!user) return null;
  return (
    <div className="user-area">
      <span className="user-name">
        Signed in as <strong>{user.username}</strong> <span className="muted">({user.role})</span>
      </span>
      <button type="button" className="button secondary" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </div>
  );
}

/** Header (brand, main nav, who is signed in) and the main landmark around every page. */
export function Shell({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const signedIn = status === 'signed-in';
  return (
    <>
      <header className="app-header">
        <div className="header-inner">
          <p className="brand">
            <span className="brand-mark" aria-hidden="true"></span>Ticket Priority
          </p>
          {signedIn && <MainNav />}
          {signedIn && <UserArea />}
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </>
  );
}
