import { contractOf } from './contract';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** A raw body, sent as is (for malformed or non-JSON bodies). */
  raw?: string;
}

/**
 * A small HTTP client over real sockets, for black-box tests. Every answer is checked against the
 * app's OpenAPI document (test/helpers/contract.ts): a response the document does not describe
 * fails the request, so every suite holds the document to what the API really does.
 */
export class Http {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    // Read before the request: an app that is about to stop still served its document.
    const contract = await contractOf(this.baseUrl);
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.raw;
    if (body !== undefined && payload === undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    const contentType = response.headers.get('content-type');
    contract.check(method, path, { status: response.status, contentType, text, body: parsed });
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, body, options);
  }

  /** Registers a user and signs in; returns the access token. */
  async signUp(username: string, password = 'correct horse battery'): Promise<string> {
    const registered = await this.post('/auth/register', { username, password });
    if (registered.status !== 201) throw new Error(`register ${username}: ${registered.text}`);
    const login = await this.post('/auth/login', { username, password });
    if (login.status !== 200) throw new Error(`login ${username}: ${login.text}`);
    return login.body.access_token;
  }
}

/** Asserts the RFC 9457 shape and that nothing internal leaks. */
export function expectProblem(result: HttpResult, status: number) {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(result.body).toMatchObject({ type: 'about:blank', status, title: expect.any(String) });
  expect(typeof result.body.detail).toBe('string');
  expect(result.text).not.toMatch(
    /at .+\.(js|ts):\d+|QueryFailedError|SELECT |INSERT |password_hash|\$2[aby]\$/,
  );
}
