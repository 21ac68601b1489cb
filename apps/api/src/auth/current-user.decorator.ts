import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

import type { AuthUser } from './auth-user';

/** The authenticated caller; only on routes behind the global JWT guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
