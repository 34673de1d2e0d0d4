import type { Role } from '@syncsafe/contracts';

export const roleLabels: Record<Role, string> = { admin: 'Admin', operator: 'Operator', auditor: 'Auditor' };

export const roleDescriptions: Record<Role, string> = {
  admin: 'Manages servers, users and everything an operator can do',
  operator: 'Runs jobs: failover, restore, failback, reverse, start and stop',
  auditor: 'Reads everything, changes nothing',
};

export const roles: readonly Role[] = ['auditor', 'operator', 'admin'];

/** Why a user cannot run job commands at all (auditors read only), or null when they may. */
export function jobCommandRoleReason(role: Role): string | null {
  return role === 'auditor' ? `Running jobs needs the Operator role; you are signed in with the ${roleLabels[role]} role.` : null;
}
