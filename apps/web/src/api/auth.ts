import { api, unwrap } from './client';
import type { components } from './schema';
import type { Account, Me } from './types';

/** What the console keeps of a token answer: never the refresh token (that lives in a cookie). */
export interface AccessGrant {
  accessToken: string;
  /** Lifetime in seconds, as the API counts it. */
  expiresIn: number;
}

const grantOf = (token: { access_token: string; expires_in: number }): AccessGrant => ({
  accessToken: token.access_token,
  expiresIn: token.expires_in,
});

export async function login(username: string, password: string): Promise<AccessGrant> {
  return grantOf(await unwrap(api.POST('/auth/login', { body: { username, password } })));
}

export function register(username: string, password: string): Promise<Account> {
  return unwrap(api.POST('/auth/register', { body: { username, password } }));
}

/**
 * Rotates the session through the HttpOnly refresh cookie (Path=/auth): no token in the body,
 * the custom header proves the call comes from the console's own script.
 */
export async function refreshWithCookie(): Promise<AccessGrant> {
  const cookieOnly = {} as components['schemas']['RefreshDto'];
  return grantOf(await unwrap(api.POST('/auth/refresh', { body: cookieOnly })));
}

/** The signed-in user, asked with an explicit token (the session may not hold it yet). */
export function fetchMe(accessToken: string): Promise<Me> {
  return unwrap(api.GET('/auth/me', { headers: { Authorization: `Bearer ${accessToken}` } }));
}

/**
 * Ends the session on the server: its refresh cookie and access tokens stop working. The body
 * names no token (the cookie does); the cast lets this compile against the document both before
 * and after logout declared its optional body (drop it once `npm run api:types` has run on main).
 */
export async function logout(): Promise<void> {
  await unwrap(api.POST('/auth/logout', { body: {} } as never));
}

/** An invited user sets their first password with the setup token of their invitation. */
export function setupPassword(token: string, password: string): Promise<Account> {
  return unwrap(api.POST('/auth/setup', { body: { token, password } }));
}
