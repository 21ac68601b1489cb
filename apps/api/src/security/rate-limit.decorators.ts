import { SetMetadata } from '@nestjs/common';

export const AUTH_RATE_LIMIT = 'rateLimit:auth';
export const NO_RATE_LIMIT = 'rateLimit:none';

/** The strict sign-in limit, per client address and per username, instead of the API limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT, true);

/** Never limited (health probes must answer however busy a client is). */
export const NoRateLimit = () => SetMetadata(NO_RATE_LIMIT, true);
