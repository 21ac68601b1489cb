import { In, type EntityManager } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import type { FieldError } from '../common/problem-details';
import type { Organization } from '../organizations/organization.entity';
import { NO_PASSWORD_HASH, User } from '../users/user.entity';
import type { ImportTicketDto } from './dto/import-tickets.dto';

export { NO_PASSWORD_HASH };

export interface ImportCreator {
  id: number;
  username: string;
  /** A reporter's organisation: the imported ticket is filed for it, at the row's own tier. */
  organization: Organization | null;
}

export interface ImportPeople {
  creatorOf(row: ImportTicketDto): ImportCreator;
  assigneeOf(row: ImportTicketDto): { id: number; username: string } | null;
}

/**
 * Resolves the usernames of an import batch inside its transaction: creators that do not exist
 * become password-less reporters; assignees must be active agents or admins (400 otherwise).
 */
export async function resolveImportPeople(
  manager: EntityManager,
  rows: ImportTicketDto[],
  admin: AuthUser,
  now: Date,
): Promise<ImportPeople | FieldError[]> {
  const names = new Set(rows.flatMap((row) => [row.created_by, row.assignee]));
  names.delete(undefined);
  const known = await manager.find(User, {
    where: { username: In([...names]) },
    relations: { organization: true },
  });
  const byName = new Map(known.map((user) => [user.username, user]));
  const problems = rows.flatMap((row, index): FieldError[] => {
    if (row.assignee === undefined) return [];
    const user = byName.get(row.assignee);
    if (user && !user.disabled && user.role !== 'reporter') return [];
    const field = `tickets.${index}.assignee`;
    return [{ field, messages: [`${field} must be the username of an active agent or admin`] }];
  });
  if (problems.length > 0) return problems;
  for (const row of rows) {
    if (row.created_by === undefined || byName.has(row.created_by)) continue;
    const user = manager.create(User, {
      username: row.created_by,
      passwordHash: NO_PASSWORD_HASH,
      role: 'reporter',
      createdAt: now,
      disabled: false,
    });
    await manager.insert(User, user);
    byName.set(user.username, user);
  }
  const person = (user: User) => ({ id: user.id, username: user.username });
  const creator = (user: User): ImportCreator => ({
    ...person(user),
    organization: user.role === 'reporter' ? (user.organization ?? null) : null,
  });
  const importer: ImportCreator = { id: admin.id, username: admin.username, organization: null };
  return {
    creatorOf: (row) => (row.created_by ? creator(byName.get(row.created_by)!) : importer),
    assigneeOf: (row) => (row.assignee ? person(byName.get(row.assignee)!) : null),
  };
}
