import { isIP } from 'node:net';

import { normalizeIp } from '@nestjs/throttler';

import type { SecurityConfig } from '../config';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  raw?: { socket?: { remoteAddress?: string } };
  socket?: { remoteAddress?: string };
}

const valid = (value: string | undefined): value is string => !!value && isIP(value) !== 0;

/**
 * The client's address for rate limiting. The socket is the truth unless the operator said a
 * proxy stands in front: then only the header that proxy sets, or the X-Forwarded-For entry
 * exactly `hops` from the right, is believed; anything a client writes further left is ignored.
 */
export function clientIp(req: RequestLike, settings: SecurityConfig['clientIp']): string {
  const socketIp = req.raw?.socket?.remoteAddress ?? req.socket?.remoteAddress ?? 'unknown';
  let ip = socketIp;
  if (settings.header) {
    const value = req.headers[settings.header];
    const candidate = (Array.isArray(value) ? value[value.length - 1] : value)?.trim();
    if (valid(candidate)) ip = candidate;
  } else if (settings.trustedProxyHops > 0) {
    const forwarded = req.headers['x-forwarded-for'];
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const chain = [...list, socketIp];
    const candidate = chain[Math.max(0, chain.length - 1 - settings.trustedProxyHops)];
    if (valid(candidate)) ip = candidate;
  }
  // IPv6 clients usually own a whole /64: one bucket for it, or rotating addresses buy fresh ones.
  return normalizeIp(ip.replace(/^::ffff:/, ''));
}
