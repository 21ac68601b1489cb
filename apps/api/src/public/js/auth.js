// Sign-in and register views. Both end by saving the session and handing over to the app.
import { api } from './api.js';
import { byId, setMessage, showProblem, validateForm, whileBusy } from './dom.js';
import { saveSession } from './session.js';

// A notice for the next sign-in view, e.g. "You have signed out."
let pendingNotice = null;

function credentials(form) {
  const data = new FormData(form);
  return {
    username: String(data.get('username') ?? '').trim(),
    password: String(data.get('password') ?? ''),
  };
}

async function signIn({ username, password }, signedIn) {
  const result = await api.login(username, password);
  saveSession(result.access_token, username.toLowerCase());
  signedIn();
}

function onSignInSubmit(signedIn) {
  return async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const message = byId('signin-message');
    setMessage(message, '');
    if (!validateForm(form)) return;
    await whileBusy(form, async () => {
      try {
        await signIn(credentials(form), signedIn);
      } catch (error) {
        if (!form.isConnected) return;
        showProblem(error, message, form);
        byId('signin-password').focus();
      }
    });
  };
}

function onRegisterSubmit(signedIn) {
  return async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const message = byId('register-message');
    setMessage(message, '');
    if (!validateForm(form)) return;
    const { username, password } = credentials(form);
    await whileBusy(form, async () => {
      try {
        const user = await api.register(username, password);
        await signIn({ username: user?.username ?? username, password }, signedIn);
      } catch (error) {
        if (!form.isConnected) return;
        showProblem(error, message, form);
        form.querySelector('[aria-invalid="true"]')?.focus();
      }
    });
  };
}

/** Shows a notice on the sign-in view now, or when it is next shown. */
export function showSignInNotice(text, kind = 'info') {
  const node = document.getElementById('signin-message');
  if (node) setMessage(node, text, kind);
  else pendingNotice = { text, kind };
}

export function signInView(signedIn) {
  return {
    enter() {
      if (pendingNotice) setMessage(byId('signin-message'), pendingNotice.text, pendingNotice.kind);
      pendingNotice = null;
      byId('signin-form').addEventListener('submit', onSignInSubmit(signedIn));
      byId('show-register').addEventListener('click', () => {
        location.hash = '#/register';
      });
      byId('signin-username').focus();
    },
  };
}

export function registerView(signedIn) {
  return {
    enter() {
      byId('register-form').addEventListener('submit', onRegisterSubmit(signedIn));
      byId('show-signin').addEventListener('click', () => {
        location.hash = '#/signin';
      });
      byId('register-username').focus();
    },
  };
}
