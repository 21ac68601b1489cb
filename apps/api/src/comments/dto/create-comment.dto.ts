import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class CreateCommentDto {
  /**
   * The reply or note, 1 to 10,000 characters.
   * @example "We have rolled back the release; payments work again."
   */
  @IsString()
  @Length(1, 10_000)
  body: string;

  /** An internal note, seen by agents and admins only (never allowed to reporters). */
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}
