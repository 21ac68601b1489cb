import type { AuditActor, AuditRecord } from '../audit/audit.service';
import { OrganizationRefDto } from '../organizations/dto/organization.dto';
import type { User } from './user.entity';

/** One audit entry per aspect of an account that really changed. */
export function userChangeEntries(before: User, after: User, admin: AuditActor): AuditRecord[] {
  const actor = { id: admin.id, username: admin.username };
  const target = `user:${before.id}`;
  const username = before.username;
  const entries: AuditRecord[] = [];
  if (after.role !== before.role) {
    entries.push({
      actor,
      action: 'user.role_changed',
      target,
      before: { username, role: before.role },
      after: { username, role: after.role },
    });
  }
  if (after.disabled !== before.disabled) {
    entries.push({
      actor,
      action: after.disabled ? 'user.disabled' : 'user.enabled',
      target,
      before: { username, disabled: before.disabled },
      after: { username, disabled: after.disabled },
    });
  }
  if ((after.organizationId ?? null) !== (before.organizationId ?? null)) {
    entries.push({
      actor,
      action: 'user.organization_changed',
      target,
      before: { username, organization: OrganizationRefDto.from(before.organization) },
      after: { username, organization: OrganizationRefDto.from(after.organization) },
    });
  }
  return entries;
}
