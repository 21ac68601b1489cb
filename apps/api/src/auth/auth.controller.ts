import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiHeader,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator';
import { OptionalAuth, Public } from '../common/public.decorator';
import { AuthRateLimit } from '../security/rate-limit.decorators';
import { UserDto } from '../users/dto/user.dto';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { MeDto } from './dto/me.dto';
import { RefreshDto } from './dto/refresh.dto';
import { RegisterDto } from './dto/register.dto';
import { SetupPasswordDto } from './dto/setup-password.dto';
import { TokenDto } from './dto/token.dto';
import {
  ClearRefreshCookieInterceptor,
  CSRF_HEADER,
  CSRF_VALUE,
  REFRESH_COOKIE,
  REFRESH_COOKIE_SECURITY,
  RefreshCookie,
  SetRefreshCookieInterceptor,
} from './refresh-cookie';

const ConsoleHeader = () =>
  ApiHeader({
    name: CSRF_HEADER,
    required: false,
    schema: { type: 'string', enum: [CSRF_VALUE] },
    description:
      `Required (\`${CSRF_VALUE}\`) when the refresh token comes from the \`${REFRESH_COOKIE}\` ` +
      'cookie; with it, token answers leave `refresh_token` out of the body.',
  });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @AuthRateLimit()
  @Post('register')
  @ApiOperation({ summary: 'Create an account (role: reporter)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblems(403, 409)
  register(@Body() dto: RegisterDto): Promise<UserDto> {
    return this.auth.register(dto);
  }

  @Public()
  @AuthRateLimit()
  @Post('setup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Set the password of an invited account with its one-time setup token',
    description: 'Then sign in as usual. A used or expired token, or a disabled account, is 401.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiProblems(401)
  setup(@Body() dto: SetupPasswordDto): Promise<UserDto> {
    return this.auth.setup(dto);
  }

  @Public()
  @AuthRateLimit()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @UseInterceptors(SetRefreshCookieInterceptor)
  @ApiOperation({
    summary: 'Exchange a username and password for an access and a refresh token',
    description: `Also sets the refresh token as the \`${REFRESH_COOKIE}\` cookie.`,
  })
  @ConsoleHeader()
  @ApiOkResponse({ type: TokenDto })
  @ApiProblems(401)
  login(@Body() dto: LoginDto): Promise<TokenDto> {
    return this.auth.login(dto);
  }

  @Public()
  @AuthRateLimit()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @UseInterceptors(SetRefreshCookieInterceptor)
  @ApiOperation({
    summary: 'Rotate a refresh token: the old one is spent, a new pair comes back',
    description:
      `The token comes from the body, or from the \`${REFRESH_COOKIE}\` cookie with the ` +
      `\`${CSRF_HEADER}: ${CSRF_VALUE}\` header; the new one is set in the cookie again.`,
  })
  // The cookie, or nothing (the token then comes in the body).
  @ApiCookieAuth(REFRESH_COOKIE_SECURITY)
  @ApiSecurity({})
  @ConsoleHeader()
  @ApiBody({ type: RefreshDto, required: false })
  @ApiOkResponse({ type: TokenDto })
  @ApiProblems(401, 403)
  refresh(@Body() dto: RefreshDto, @RefreshCookie() cookie?: string): Promise<TokenDto> {
    return this.auth.refresh(dto.refresh_token ?? cookie);
  }

  @OptionalAuth()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseInterceptors(ClearRefreshCookieInterceptor)
  @ApiBearerAuth()
  @ApiCookieAuth(REFRESH_COOKIE_SECURITY)
  @ApiSecurity({})
  @ConsoleHeader()
  @ApiBody({ type: RefreshDto, required: false })
  @ApiOperation({
    summary: 'End this session: its refresh and access tokens stop working',
    description:
      'Authenticated by the bearer token, or by the refresh token (body, or cookie with the ' +
      `\`${CSRF_HEADER}\` header), so an expired access token can still sign out. Clears the cookie.`,
  })
  @ApiNoContentResponse({ description: 'The session is over' })
  @ApiProblems(401, 403)
  logout(
    @CurrentUser() user: AuthUser | undefined,
    @Body() dto: RefreshDto,
    @RefreshCookie() cookie?: string,
  ): Promise<void> {
    return this.auth.logout(user, dto.refresh_token ?? cookie);
  }

  @Get('me')
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    return this.auth.me(user);
  }

  @AuthRateLimit()
  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your password; every other session is ended' })
  @ApiNoContentResponse({ description: 'Changed; other sessions are ended' })
  @ApiProblems(403)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, dto);
  }
}
