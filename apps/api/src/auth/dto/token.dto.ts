import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ApiInteger } from '../../common/api-fields';

export class TokenDto {
  @ApiProperty({ description: 'A JWT (HS256) to send as `Authorization: Bearer <token>`.' })
  access_token: string;

  @ApiProperty({ enum: ['Bearer'], example: 'Bearer' })
  token_type: 'Bearer';

  @ApiInteger({ description: 'Lifetime of the access token in seconds.', example: 900 })
  expires_in: number;

  @ApiPropertyOptional({
    description:
      'Opaque, single-use: exchange it at `POST /auth/refresh` for a new pair. Using it twice ' +
      'ends the session. Always also set as the `tps_refresh` cookie (HttpOnly, SameSite=Strict, ' +
      'Path=/auth); left out of the body when the request has `X-Requested-With: tps-console`, ' +
      'so the console never holds it in script.',
  })
  refresh_token?: string;

  @ApiInteger({
    description: 'Seconds until the session ends, however often it is refreshed.',
    example: 2_592_000,
  })
  refresh_expires_in: number;
}
