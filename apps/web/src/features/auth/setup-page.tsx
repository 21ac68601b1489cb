import { useState, type FormEvent } from 'react';

import { setupPassword } from '../../api/auth';
import { problemFrom, type Problem } from '../../api/problem';
import { useFocusOnMount } from '../../shared/focus';
import { ErrorMessage } from '../../shared/messages';
import { navigate } from '../../shared/router';
import { useSession } from '../../shared/session/session-context';

/** The token travels in the fragment (`/setup#token=…`), which browsers never send to a server. */
const tokenFromUrl = () =>
  new URLSearchParams(globalThis.location.hash.replace(/^#/, '')).get('token') ?? '';

/** An invited user chooses their password with the setup link, and is signed in. */
export function SetupPage() {
  const { session } = useSession();
  const heading = useFocusOnMount<HTMLHeadingElement>(false);
  const [token, setToken] = useState(tokenFromUrl);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const user = await setupPassword(token.trim(), password);
      await session.signIn(user.username, password);
      navigate('/', { replace: true });
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="view view-narrow" aria-labelledby="setup-heading">
      <h1 id="setup-heading" tabIndex={-1} ref={heading}>
        Set your password
      </h1>
      <form onSubmit={(e) => void submit(e)} aria-label="Set your password">
        <p className="field">
          <label htmlFor="setup-token">Setup token</label>
          <input
            id="setup-token"
            required
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </p>
        <p className="field">
          <label htmlFor="setup-password">New password</label>
          <input
            id="setup-password"
            type="password"
            required
            autoComplete="new-password"
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </p>
        <ErrorMessage problem={problem} />
        <button type="submit" className="button" disabled={busy}>
          Set password and sign in
        </button>
      </form>
    </section>
  );
}
