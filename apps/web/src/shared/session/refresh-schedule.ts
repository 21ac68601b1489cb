/**
 * When to renew an access token that lives `lifetimeMs`: a quarter of its life before the end,
 * at most a minute before, at least two seconds before (a 15-minute token renews at 14 min,
 * a 20-second one at 15 s).
 */
export function renewLeadMs(lifetimeMs: number): number {
  return Math.max(2_000, Math.min(60_000, lifetimeMs / 4));
}

/** Milliseconds from `now` until the renewal is due (0 when it already is). */
export function renewDelayMs(expiresAt: number, lifetimeMs: number, now: number): number {
  return Math.max(0, expiresAt - renewLeadMs(lifetimeMs) - now);
}

/** True when a token is missing or too close to its end to start new work with it. */
export function needsRenewal(expiresAt: number | undefined, lifetimeMs: number, now: number) {
  return expiresAt === undefined || renewDelayMs(expiresAt, lifetimeMs, now) === 0;
}
