export class TokenDto {
  /** A JWT (HS256) to send as `Authorization: Bearer <token>`. */
  access_token: string;
  /** @example "Bearer" */
  token_type: 'Bearer';
  /**
   * Lifetime of the access token in seconds.
   * @example 900
   */
  expires_in: number;
  /**
   * Opaque, single-use: exchange it at `POST /auth/refresh` for a new pair. Using it twice
   * ends the session.
   */
  refresh_token: string;
  /**
   * Seconds until the session ends, however often it is refreshed.
   * @example 2592000
   */
  refresh_expires_in: number;
}
