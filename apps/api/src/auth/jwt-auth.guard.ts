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
    if (this.reflector.getAllAndOverride<boolean>(IS_OPTIONAL_AUTH, targets)) {
      return this.authenticateIfPossible(context);
    }
    return super.canActivate(context);
  }

  /**
   * `@OptionalAuth()`: a valid bearer token sets the caller; a missing, expired or bad one leaves
   * the route to authenticate another way (an expired console tab can still sign out).
   */
  private async authenticateIfPossible(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    if (request.headers.authorization === undefined) return true;
    try {
      await (super.canActivate(context) as Promise<boolean>);
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
    }
    return true;
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
