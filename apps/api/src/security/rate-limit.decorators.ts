import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

import { NO_RATE_LIMIT_EXTENSION } from '../openapi/standard-responses';

export const AUTH_RATE_LIMIT = 'rateLimit:auth';
export const NO_RATE_LIMIT = 'rateLimit:none';

/** The strict sign-in limit, per client address and per username, instead of the API limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT, true);

/** Never limited (health probes must answer however busy a client is); documented without 429. */
export const NoRateLimit = () =>
  applyDecorators(SetMetadata(NO_RATE_LIMIT, true), ApiExtension(NO_RATE_LIMIT_EXTENSION, 'none'));
