import { IsString, Length } from 'class-validator';

export class RefreshDto {
  /** The refresh token from the last login or refresh. */
  @IsString()
  @Length(1, 1024)
  refresh_token: string;
}
