import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Opens a route to callers without a token; every other route needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_OPTIONAL_AUTH = 'isOptionalAuth';

/**
 * A valid bearer token sets the caller, but none is required: without one (or with an expired
 * one) the handler authenticates the caller another way (`POST /auth/logout` with a refresh token).
 */
export const OptionalAuth = () => SetMetadata(IS_OPTIONAL_AUTH, true);
