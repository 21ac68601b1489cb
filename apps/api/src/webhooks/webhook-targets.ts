import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';

import { hostOf, isPublicAddress } from '@app/webhooks';

/** A target the address policy refuses; the message names the host, never an internal detail. */
export class RefusedTargetError extends Error {}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function refusal(host: string): RefusedTargetError {
  return new RefusedTargetError(
    `${host} resolves to a loopback, private, link-local or metadata address`,
  );
}

/**
 * A `lookup` for http.request that refuses the connection when any address of the host is not
 * public. The socket connects to the very address that was checked, so a DNS answer that
 * changes between the check and the connect (rebinding) cannot slip through.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) {
        return callback(refusal(hostname), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}

/** Refuses `url` unless every address it resolves to now is public (or private is allowed). */
export async function checkTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  if (isIP(host)) {
    if (!isPublicAddress(host)) throw refusal(host);
    return;
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    lookup(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  ).catch(() => {
    throw new RefusedTargetError(`${host} does not resolve`);
  });
  if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) {
    throw refusal(host);
  }
}
