import { IsOptional, IsString, Length } from 'class-validator';

export class RefreshDto {
  /**
   * The refresh token from the last login or refresh. Optional when the `tps_refresh` cookie
   * carries it (with the `X-Requested-With: tps-console` header); the body wins when both do.
   */
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  refresh_token?: string;
}
