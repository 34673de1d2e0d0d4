export * from './errors.ts';
export * from './auth.ts';
export * from './servers.ts';
export * from './audit.ts';
export * from './health.ts';
export * from './jobs.ts';
export * from './agent/index.ts';
