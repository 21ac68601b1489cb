import { applyDecorators, SetMetadata } from '@nestjs/common';

import { ApiProblems } from '../common/api-problems.decorator';
import type { Role } from '../users/user.entity';

export const ROLES_KEY = 'roles';

/**
 * Limits a route to callers holding one of `roles` (and documents its 403); routes without it are
 * open to any signed-in user.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiProblems(403));
