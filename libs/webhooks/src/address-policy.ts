import ipaddr from 'ipaddr.js';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Whether a webhook may be sent to `address`: only public unicast addresses. Loopback,
 * private (RFC 1918, unique local), link-local (where cloud metadata services live, e.g.
 * 169.254.169.254), carrier-grade NAT (100.64/10, Alibaba's metadata), unspecified,
 * multicast, broadcast, reserved and documentation ranges are refused, as are IPv6 forms that
 * embed an IPv4 address (mapped, 6to4, Teredo, NAT64), unless the embedded address is public
 * and plainly mapped. Anything that does not parse is refused.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

/** The syntax rules of a webhook URL (the addresses it resolves to are checked separately). */
export function checkWebhookUrl(text: string): UrlCheck {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    return { ok: false, reason: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: 'must use http or https' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'must not contain a user name or password' };
  }
  if (url.hash) return { ok: false, reason: 'must not contain a fragment' };
  return { ok: true, url };
}

/** The host of `url` as a resolver takes it: IPv6 literals without their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
