import { createSecretKey, type KeyObject } from 'node:crypto';

/**
 * jsonwebtoken turns a string secret into a key on every call; one KeyObject made at start
 * saves that work on each request.
 */
export const JWT_KEY = Symbol('JWT_KEY');

export const toJwtKey = (secret: string): KeyObject => createSecretKey(Buffer.from(secret, 'utf8'));

export const JWT_ALGORITHM = 'HS256';

/** `typ` claim of access tokens; refresh tokens are opaque, so the two cannot be swapped. */
export const ACCESS_TOKEN_TYPE = 'access';
