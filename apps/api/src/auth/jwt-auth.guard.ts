import { Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { IS_OPTIONAL_AUTH, IS_PUBLIC } from '../common/public.decorator';

/** Global guard: every route needs a valid bearer token unless it is marked `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const optional = this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH, targets);
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    if (optional && request.headers.authorization === undefined) return true;
    return super.canActivate(context);
  }

  handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    // A failure while checking the token (the database is down) is not the caller's fault.
    if (error) {
      throw error instanceof Error ? error : new Error('The token check failed', { cause: error });
    }
    if (!user) {
      throw new UnauthorizedException('A valid bearer token is required.');
    }
    return user;
  }
}
