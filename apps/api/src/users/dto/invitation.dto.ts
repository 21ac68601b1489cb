import { ApiProperty } from '@nestjs/swagger';

import { ApiTimestamp } from '../../common/api-fields';
import { AdminUserDto } from './admin-user.dto';

/** The invited account and its setup token: shown once, never stored in clear. */
export class InvitationDto {
  @ApiProperty({ type: () => AdminUserDto })
  user: AdminUserDto;

  @ApiProperty({
    example: 'kY3Vb8w1bq0pM3v0Gm1hZf3Y7C5bqz0Yx2wH8m4Lr9s',
    description:
      'Give it to the user (the console shows a link to /setup with it); they exchange it at ' +
      '`POST /auth/setup` for their password. Only its SHA-256 is stored: it cannot be shown again.',
  })
  setup_token: string;

  @ApiTimestamp({ description: 'The token is refused after this instant (72 hours).' })
  setup_expires_at: string;
}
