import { Suspense, useEffect } from 'react';

import { NotFoundPage } from './shared/layout/not-found-page';
import { Shell } from './shared/layout/shell';
import { matchPath, navigate, RouteParams, useLocation } from './shared/router';
import { useSession } from './shared/session/session-context';
import { SignInPage } from './features/auth/sign-in-page';
import { LiveUpdates } from './features/stream/live-updates';
import { ROUTES } from './routes';

function findRoute(path: string) {
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return undefined;
}

/** Picks the page for the URL and the session: sign-in in place of a page that needs it. */
export function App() {
  const { pathname } = useLocation();
  const { status, user } = useSession();
  const found = findRoute(pathname);
  const signedIn = status === 'signed-in';
  const redirectHome = signedIn && found?.route.access === 'public';

  useEffect(() => {
    if (redirectHome) navigate('/', { replace: true });
  }, [redirectHome]);

  if (status === 'starting') {
    return (
      <Shell>
        <p className="muted" role="status">
          Loading…
        </p>
      </Shell>
    );
  }
  let page;
  if (!found) page = <NotFoundPage />;
  else if (found.route.access === 'signed-in' && !signedIn) page = <SignInPage />;
  else if (redirectHome) page = null;
  else if (found.route.roles && user && !found.route.roles.includes(user.role)) {
    page = <NotFoundPage />;
  } else page = <found.route.page />;
  return (
    <LiveUpdates>
      <Shell>
        <RouteParams.Provider value={found?.params ?? {}}>
          <Suspense
            fallback={
              <p className="muted" role="status">
                Loading…
              </p>
            }
          >
            {page}
          </Suspense>
        </RouteParams.Provider>
      </Shell>
    </LiveUpdates>
  );
}
