import { useFocusOnMount } from '../../shared/focus';
import { navigate, useLocation } from '../../shared/router';
import { useSession } from '../../shared/session/session-context';
import { CredentialsForm } from './credentials-form';

/**
 * Sign in, at /signin or in place of any page that needs a session: there the URL stays, so
 * the page (and its draft) comes back as soon as the user is signed in.
 */
export function SignInPage() {
  const { status, session } = useSession();
  const { pathname } = useLocation();
  const heading = useFocusOnMount<HTMLHeadingElement>(false);
  const expired = status === 'expired';

  return (
    <section className="view view-narrow" aria-labelledby="signin-heading">
      <h1 id="signin-heading" tabIndex={-1} ref={heading}>
        Sign in
      </h1>
      <CredentialsForm
        id="signin"
        submitLabel="Sign in"
        passwordAutocomplete="current-password"
        notice={
          expired && (
            <p className="message info" role="status">
              Your session has expired. Please sign in again.
            </p>
          )
        }
        onSubmit={async ({ username, password }) => {
          await session.signIn(username, password);
          if (pathname === '/signin') navigate('/', { replace: true });
        }}
      />
      <p className="switch-view">
        New here?{' '}
        <button type="button" className="link-button" onClick={() => navigate('/register')}>
          Create an account
        </button>
      </p>
    </section>
  );
}
