// The token lives in sessionStorage only: it dies with the tab and is never sent as a cookie.
const TOKEN_KEY = 'tps.token';
const USERNAME_KEY = 'tps.username';

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function getUsername() {
  return sessionStorage.getItem(USERNAME_KEY) ?? '';
}

export function isSignedIn() {
  return Boolean(getToken());
}

export function saveSession(token, username) {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(USERNAME_KEY, username);
}

export function clearSession() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USERNAME_KEY);
}
