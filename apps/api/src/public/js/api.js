// One fetch wrapper: JSON in, JSON out, RFC 9457 problem details turned into ApiError.
import { getToken } from './session.js';

export class ApiError extends Error {
  constructor(status, problem, { sessionExpired = false } = {}) {
    super(problem.detail || problem.title || `Request failed with status ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    // True when the 401 was already handled by sending the user back to sign in.
    this.sessionExpired = sessionExpired;
  }

  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

let unauthorizedHandler = () => {};

/** Called once per rejected authenticated request (401): the app clears the session. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

async function readBody(response) {
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 204) return null;
  if (type.includes('json')) return response.json().catch(() => null);
  const text = await response.text().catch(() => '');
  return text ? { detail: text } : null;
}

async function send(method, path, body, token) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, {
      title: 'Network error',
      detail: 'Could not reach the server. Check your connection and try again.',
    });
  }
}

/** `auth: false` for sign-in and register, where a 401 is a form error, not an expired session. */
export async function request(method, path, { body, auth = true } = {}) {
  const response = await send(method, path, body, auth ? getToken() : null);
  const data = await readBody(response);
  if (response.ok) return data;
  const problem = data && typeof data === 'object' ? data : {};
  const sessionExpired = auth && response.status === 401;
  if (sessionExpired) unauthorizedHandler();
  throw new ApiError(response.status, problem, { sessionExpired });
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const api = {
  register: (username, password) =>
    request('POST', '/auth/register', { body: { username, password }, auth: false }),
  login: (username, password) =>
    request('POST', '/auth/login', { body: { username, password }, auth: false }),
  createTicket: (ticket) => request('POST', '/tickets', { body: ticket }),
  listTickets: (params) => request('GET', `/tickets${query(params)}`),
  getTicket: (id) => request('GET', `/tickets/${encodeURIComponent(id)}`),
};
