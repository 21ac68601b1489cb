// Entry point: hash routing between views, the header's signed-in state, and session expiry.
// Each view is cloned from its <template>, so only the current view is in the document.
import { onUnauthorized } from './api.js';
import { registerView, showSignInNotice, signInView } from './auth.js';
import { detailView } from './detail.js';
import { byId } from './dom.js';
import { queueView, resetQueueState } from './queue.js';
import { clearSession, getUsername, isSignedIn } from './session.js';
import { newTicketView } from './ticket-form.js';

// Where to go after signing in, when a session ended on a page other than the queue.
let returnTo = '#/queue';
let current = null;

function handleSignedIn() {
  const target = returnTo;
  returnTo = '#/queue';
  location.hash = target;
}

const ROUTES = [
  { pattern: /^#\/signin$/, name: 'signin', title: 'Sign in', open: true },
  { pattern: /^#\/register$/, name: 'register', title: 'Create account', open: true },
  { pattern: /^#\/queue$/, name: 'queue', title: 'Queue' },
  { pattern: /^#\/new$/, name: 'new', title: 'New ticket' },
  { pattern: /^#\/tickets\/(\d+)$/, name: 'detail', title: 'Ticket' },
];

const VIEWS = {
  signin: signInView(handleSignedIn),
  register: registerView(handleSignedIn),
  queue: queueView,
  new: newTicketView,
  detail: detailView,
};

function match(hash) {
  for (const route of ROUTES) {
    const found = route.pattern.exec(hash);
    if (found) return { route, params: { id: found[1] } };
  }
  return null;
}

function updateHeader(routeName) {
  const signedIn = isSignedIn();
  byId('main-nav').hidden = !signedIn;
  byId('user-area').hidden = !signedIn;
  byId('user-name').textContent = signedIn ? getUsername() : '';
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === routeName) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function mountView(name) {
  const template = byId(`tpl-${name}`);
  byId('main').replaceChildren(template.content.cloneNode(true));
}

function render() {
  const found = match(location.hash);
  if (!found) return location.replace(isSignedIn() ? '#/queue' : '#/signin');
  const { route, params } = found;
  if (!route.open && !isSignedIn()) {
    returnTo = location.hash;
    return location.replace('#/signin');
  }
  if (route.open && isSignedIn()) return location.replace('#/queue');
  const isFirstRender = current === null;
  if (current) VIEWS[current.name].leave?.();
  current = route;
  updateHeader(route.name);
  mountView(route.name);
  document.title = `${route.title} · Ticket Priority`;
  // Move focus to the new view's heading so keyboard and screen-reader users start there.
  if (!isFirstRender && !route.open) byId('main').querySelector('h1')?.focus();
  void VIEWS[route.name].enter(params);
}

function endSession(notice) {
  const wasSignedIn = isSignedIn();
  clearSession();
  resetQueueState();
  showSignInNotice(notice.text, notice.kind);
  if (wasSignedIn) location.hash = '#/signin';
}

onUnauthorized(() => {
  // Several requests may fail at once; only the first still sees the page the user was on.
  if (isSignedIn() && current && !current.open) returnTo = location.hash;
  endSession({ text: 'Your session has expired. Please sign in again.', kind: 'error' });
});

byId('sign-out').addEventListener('click', () => {
  returnTo = '#/queue';
  endSession({ text: 'You have signed out.', kind: 'info' });
});

window.addEventListener('hashchange', render);
render();
