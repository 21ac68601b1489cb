import { register } from '../../api/auth';
import { useFocusOnMount } from '../../shared/focus';
import { navigate } from '../../shared/router';
import { useSession } from '../../shared/session/session-context';
import { CredentialsForm, type Credentials } from './credentials-form';

const USERNAME = /^[a-z0-9_.-]{3,64}$/;

/** The server's rules, checked before the round trip (the server checks them again). */
export function validateRegistration({ username, password }: Credentials) {
  const problems: Record<string, string[]> = {};
  const name = username.normalize('NFKC').trim().toLowerCase();
  if (name && !USERNAME.test(name)) {
    problems.username = ['Use 3 to 64 characters: letters, digits, underscore, dot or hyphen.'];
  }
  const bytes = new TextEncoder().encode(password).length;
  if (password && (bytes < 8 || bytes > 72)) problems.password = ['Use 8 to 72 characters.'];
  return problems;
}

export function RegisterPage() {
  const { session } = useSession();
  const heading = useFocusOnMount<HTMLHeadingElement>(false);
  return (
    <section className="view view-narrow" aria-labelledby="register-heading">
      <h1 id="register-heading" tabIndex={-1} ref={heading}>
        Create account
      </h1>
      <CredentialsForm
        id="register"
        submitLabel="Create account"
        passwordAutocomplete="new-password"
        validate={validateRegistration}
        hints={{
          username: (
            <>
              3–64 characters: letters, digits, <kbd>_</kbd> <kbd>.</kbd> <kbd>-</kbd>
            </>
          ),
          password: 'At least 8 characters.',
        }}
        onSubmit={async ({ username, password }) => {
          await register(username, password);
          await session.signIn(username, password);
          navigate('/', { replace: true });
        }}
      />
      <p className="switch-view">
        Already have an account?{' '}
        <button type="button" className="link-button" onClick={() => navigate('/signin')}>
          Back to sign in
        </button>
      </p>
    </section>
  );
}
