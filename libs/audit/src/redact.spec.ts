import fc from 'fast-check';

import { redactSecrets } from './redact';

const SECRET = /pass(word|phrase)?|token|secret|hash|credential|api[-_]?key/i;

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
}

describe('redactSecrets', () => {
  it('should drop secret-looking keys at any depth and keep the rest', () => {
    expect(
      redactSecrets({
        role: 'agent',
        password: 'x',
        nested: [{ setup_token: 'y', name: 'n' }],
        passwordHash: 'z',
      }),
    ).toEqual({ role: 'agent', nested: [{ name: 'n' }] });
  });

  it('should never return a secret-looking key', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(keysOf(redactSecrets(value)).filter((k) => SECRET.test(k))).toEqual([]);
      }),
    );
  });

  it('should leave values without secret keys as they were', () => {
    expect(redactSecrets({ a: [1, 'two', null], b: { c: true } })).toEqual({
      a: [1, 'two', null],
      b: { c: true },
    });
    expect(redactSecrets(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
  });
});
