/** Prisma's unique-constraint error (P2002), on a constraint naming `field` when one is given. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || error.code !== 'P2002') return false;
  return field === undefined || JSON.stringify('meta' in error ? error.meta : '').includes(field);
}
