export * from './audit-chain.ts';
export * from './jobs/index.ts';
