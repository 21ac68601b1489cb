import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class SuggestIssueTypeDto {
  /** @example "Checkout fails for all EU users" */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  /** @example "Since 09:00 UTC every payment returns 502 and the site is down." */
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  description: string;
}
