import {
  createParamDecorator,
  ForbiddenException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';

import type { AppConfig } from '../config';
import type { TokenDto } from './dto/token.dto';

/** The cookie that carries the refresh token to the console; never readable by page scripts. */
export const REFRESH_COOKIE = 'tps_refresh';
export const REFRESH_COOKIE_PATH = '/auth';
/** The cookie's security scheme in the OpenAPI document. */
export const REFRESH_COOKIE_SECURITY = 'refreshCookie';
/**
 * The CSRF guard of the cookie: a request that relies on the cookie must carry this header with
 * this value. A cross-site form or image cannot set a header, and a cross-site script cannot
 * either without a CORS preflight this API refuses (SameSite=Strict already keeps the cookie
 * off cross-site requests; the header is the second line). With it, answers omit
 * `refresh_token` from the body: the console only ever holds it in the cookie.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_VALUE = 'tps-console';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

type Request = FastifyRequest & { cookies?: Record<string, string | undefined> };

export function isConsoleRequest(request: FastifyRequest): boolean {
  return request.headers[CSRF_HEADER.toLowerCase()] === CSRF_VALUE;
}

/**
 * `Secure` always, except outside production on plain http to localhost, where a browser would
 * otherwise drop the cookie during development (browsers treat http://localhost as secure for
 * most purposes, but not every one does for cookies).
 */
export function cookieOptions(
  request: FastifyRequest,
  production: boolean,
): CookieSerializeOptions {
  const relaxed = !production && request.protocol === 'http' && LOCAL_HOSTS.has(request.hostname);
  return { httpOnly: true, secure: !relaxed, sameSite: 'strict', path: REFRESH_COOKIE_PATH };
}

function bodyToken(request: Request): string | undefined {
  const token = (request.body as { refresh_token?: unknown } | undefined)?.refresh_token;
  return typeof token === 'string' ? token : undefined;
}

/**
 * The refresh token of the cookie (the console), which then requires the CSRF header; `undefined`
 * when there is no cookie, or when the body carries a token (API clients: the body wins).
 */
export const RefreshCookie = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const request = context.switchToHttp().getRequest<Request>();
    if (bodyToken(request) !== undefined) return undefined;
    const fromCookie = request.cookies?.[REFRESH_COOKIE];
    if (!fromCookie) return undefined;
    if (!isConsoleRequest(request)) {
      throw new ForbiddenException(
        `Send the ${CSRF_HEADER}: ${CSRF_VALUE} header when the refresh token comes from the cookie.`,
      );
    }
    return fromCookie;
  },
);

/** Sets the refresh cookie from a token answer; the console (CSRF header) gets no body copy. */
@Injectable()
export class SetRefreshCookieInterceptor implements NestInterceptor {
  private readonly production: boolean;

  constructor(config: ConfigService<AppConfig, true>) {
    this.production = config.get('http', { infer: true }).env === 'production';
  }

  intercept(context: ExecutionContext, next: CallHandler<TokenDto>): Observable<TokenDto> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((tokens) => {
        const options = cookieOptions(request, this.production);
        void reply.setCookie(REFRESH_COOKIE, tokens.refresh_token ?? '', {
          ...options,
          maxAge: tokens.refresh_expires_in,
        });
        if (!isConsoleRequest(request)) return tokens;
        const { refresh_token: _hidden, ...withoutRefresh } = tokens;
        return withoutRefresh;
      }),
    );
  }
}

/** Clears the refresh cookie once the session is over. */
@Injectable()
export class ClearRefreshCookieInterceptor implements NestInterceptor {
  private readonly production: boolean;

  constructor(config: ConfigService<AppConfig, true>) {
    this.production = config.get('http', { infer: true }).env === 'production';
  }

  intercept(context: ExecutionContext, next: CallHandler<void>): Observable<void> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map(() => {
        void reply.clearCookie(REFRESH_COOKIE, cookieOptions(request, this.production));
      }),
    );
  }
}
