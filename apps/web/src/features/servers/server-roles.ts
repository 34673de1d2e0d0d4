import type { Server } from '@syncsafe/contracts';

/** "Clustered · Domain controller · Name-specific application", or "Standalone". */
export function describeServerRoles(server: Pick<Server, 'isClustered' | 'isDomainController' | 'hasNameSpecificApp'>): string {
  const parts = [server.isClustered ? 'Clustered' : 'Standalone'];
  if (server.isDomainController) parts.push('Domain controller');
  if (server.hasNameSpecificApp) parts.push('Name-specific application');
  return parts.join(' · ');
}
