import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import type { Role } from '../users/user.entity';
import { RolesGuard } from './roles.guard';

function contextFor(
  role: Role | undefined,
  required: Role[] | undefined,
): [RolesGuard, ExecutionContext] {
  const reflector = new Reflector();
  jest.spyOn(reflector, 'getAllAndOverride').mockReturnValue(required);
  const context = {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({
      getRequest: () => ({ user: role ? { id: 1, username: 'u', role } : undefined }),
    }),
  } as unknown as ExecutionContext;
  return [new RolesGuard(reflector), context];
}

describe('RolesGuard', () => {
  it('should let anyone through a route without @Roles()', () => {
    const [guard, context] = contextFor('reporter', undefined);
    expect(guard.canActivate(context)).toBe(true);
  });

  it('should let a listed role through', () => {
    const [guard, context] = contextFor('agent', ['agent', 'admin']);
    expect(guard.canActivate(context)).toBe(true);
  });

  it.each<[Role | undefined]>([['reporter'], [undefined]])('should refuse %p with 403', (role) => {
    const [guard, context] = contextFor(role, ['agent', 'admin']);
    expect(() => guard.canActivate(context)).toThrow(ForbiddenException);
  });
});
