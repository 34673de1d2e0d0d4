/** Accounts and environment names shared by the global setup and the tests. */
export const ADMIN = { username: 'admin', password: 'e2e-admin-password-123' } as const;
export const AUDITOR = { username: 'auditor1', password: 'e2e-auditor-password-123' } as const;

export const E2E_ENV = { baseUrl: 'SYNCSAFE_E2E_URL', stateDir: 'SYNCSAFE_E2E_STATE_DIR' } as const;
