import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Opens a route to callers without a token; every other route needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_OPTIONAL_AUTH = 'isOptionalAuth';

/**
 * A bearer token is checked when one is sent (a bad one is 401) but not required: the handler
 * then authenticates the caller another way (`POST /auth/logout` with a refresh token).
 */
export const OptionalAuth = () => SetMetadata(IS_OPTIONAL_AUTH, true);
