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
}
