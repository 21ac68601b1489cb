import { SetMetadata } from '@nestjs/common';

import type { Role } from '../users/user.entity';

export const ROLES_KEY = 'roles';

/** Limits a route to callers holding one of `roles`; routes without it are open to any signed-in user. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
