import { describe, expect, it, vi } from 'vitest';

import { stubFetch } from '../test/render';
import { api, setAuthHooks, unwrap } from './client';
import { ApiError } from './problem';

function hooks(renewed: boolean) {
  let token = 'old';
  const value = {
    accessToken: () => token,
    renew: vi.fn(() => {
      token = 'new';
      return Promise.resolve(renewed);
    }),
    expired: vi.fn(),
  };
  setAuthHooks(value);
  return value;
}

const page = { tickets: [], page: 1, limit: 10, total: 0, next_cursor: null };

describe('the typed client', () => {
  it('should send the token and the console header', async () => {
    hooks(true);
    const calls = stubFetch([200, page]);
    await unwrap(api.GET('/tickets', { params: { query: { page: 1 } } }));
    expect(calls[0].url).toMatch(/\/tickets\?page=1$/);
    expect(calls[0].headers.get('Authorization')).toBe('Bearer old');
    expect(calls[0].headers.get('X-Requested-With')).toBe('tps-console');
  });

  it('should renew once on a 401 and repeat the call once with the new token', async () => {
    const h = hooks(true);
    const calls = stubFetch([401, { title: 'Unauthorized', status: 401 }], [200, page]);
    await expect(unwrap(api.GET('/tickets', {}))).resolves.toEqual(page);
    expect(h.renew).toHaveBeenCalledTimes(1);
    expect(calls.map((call) => call.headers.get('Authorization'))).toEqual([
      'Bearer old',
      'Bearer new',
    ]);
  });

  it('should give up and report the session expired when the renewal fails', async () => {
    const h = hooks(false);
    stubFetch([401, { title: 'Unauthorized', status: 401, detail: 'Token expired.' }]);
    const error = await unwrap(api.GET('/tickets', {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ status: 401, detail: 'Token expired.' });
    expect(h.expired).toHaveBeenCalledTimes(1);
  });

  it('should never retry a sign-in', async () => {
    const h = hooks(true);
    stubFetch([
      401,
      { title: 'Unauthorized', status: 401, detail: 'Invalid username or password.' },
    ]);
    await expect(
      unwrap(api.POST('/auth/login', { body: { username: 'a', password: 'b' } })),
    ).rejects.toThrow('Invalid username or password.');
    expect(h.renew).not.toHaveBeenCalled();
  });

  it('should turn a network failure into a problem in words', async () => {
    hooks(true);
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(unwrap(api.GET('/tickets', {}))).rejects.toThrow(/could not be reached/);
  });
});
