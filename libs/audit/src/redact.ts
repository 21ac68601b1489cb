/** Keys whose values never enter the audit trail: credentials and anything derived from them. */
const SECRET_KEY = /pass(word|phrase)?|token|secret|hash|credential|api[-_]?key/i;

/**
 * `value` as plain JSON with every secret-looking key removed, at any depth. The trail is
 * readable by every admin and kept forever, so a caller's mistake must not leak a credential.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (!SECRET_KEY.test(key)) copy[key] = redactSecrets(inner);
  }
  return copy;
}
